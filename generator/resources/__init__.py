"""What the build reads at run time, shipped inside the package.

- `site/`: regpub's page templates, styles and scripts, a MkDocs theme folder the plugin puts
  in front of Material's (an editor's `custom_dir` still comes first);
- `docx/`: the DOCX reference document (page, styles) and the Lua filters pandoc runs;
- `init/`: the files `regpub init` writes into a new editors' repository.

Why real folders: MkDocs' template loader and pandoc read files by path, so regpub must be
installed as files (pip does that), not imported from a zip archive.
"""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path

from generator.core.errors import ResourceError

SITE_FILES = (
    "main.html",
    "regpub/macros.html",
    "partials/copyright.html",
    "regpub-changes.html",
    "regpub-meeting.html",
    "regpub-organization.html",
    "regpub-person.html",
    "regpub-register.html",
    "regpub-decisions.html",
    "regpub-regulation.html",
    "regpub-version.html",
    "assets/regpub.css",
    "assets/regpub-register.js",
    "assets/regpub-decisions.js",
    "assets/regpub-search.js",
    "assets/regpub-status.js",
)
DOCX_FILES = ("convert.lua", "layout.lua", "reference.docx")
# Styles and scripts every page loads, added to the site's extra_css / extra_javascript.
SITE_CSS = ("assets/regpub.css",)
SITE_JS = ("assets/regpub-status.js",)  # statuses on the reading day
SEARCH_JS = ("assets/regpub-search.js",)  # the search button, with the site's index


def site_theme() -> Path:
    """The folder of regpub's templates and assets."""
    return _folder("site", SITE_FILES)


def docx_theme() -> Path:
    """The folder of the DOCX reference document and Lua filters."""
    return _folder("docx", DOCX_FILES)


def init_template() -> Path:
    """The folder whose files `regpub init` copies."""
    return _folder("init", ())


def _folder(name: str, required: tuple[str, ...]) -> Path:
    folder = files(__name__) / name
    if not isinstance(folder, Path) or not folder.is_dir():
        raise ResourceError(
            f"regpub's {name} resources are not on disk ({folder}): install regpub with pip, not as a zip"
        )
    missing = [file for file in required if not (folder / file).is_file()]
    if missing:
        raise ResourceError(
            f"regpub is installed incompletely: {folder} has no {', '.join(missing)}; "
            "reinstall it (pip install --force-reinstall regpub)"
        )
    return folder
