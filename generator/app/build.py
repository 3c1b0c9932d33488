"""`regpub build`: check, then MkDocs with the regpub plugin.

The build writes what it makes into a temporary folder beside the output and puts it in place
only when every step succeeded (`publish`), so a failed build leaves the previous site untouched.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import re
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

import jinja2
from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort, ConfigurationError, MkDocsException

from generator.app.publish import Published, publish
from generator.content.check import Checked
from generator.core.errors import BuildFailed, RegpubError, UsageError
from generator.core.reuse import Made, Previous
from generator.mkdocs.log import mkdocs_log
from generator.mkdocs.pages import site_fingerprint
from generator.mkdocs.plugin import Given, RegpubPlugin


def site_config(config_file: Path, given: Given | None = None, **overrides: str | None) -> MkDocsConfig:
    """mkdocs.yml, validated by MkDocs, with regpub's plugin in it, given what to build (or
    given it later, by `build_site`); UsageError names what is wrong.

    Why the log capture: MkDocs logs each configuration problem and then raises a bare
    "Aborted with a configuration error!", so the messages are taken from its log.
    """
    if not config_file.is_file():
        raise UsageError(f"{config_file} not found: run regpub in the site's folder (regpub init makes one)")
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")  # Material's notice about a future MkDocs
    with mkdocs_log(logging.ERROR) as errors:
        try:
            config = load_config(str(config_file), **overrides)
        except (Abort, ConfigurationError) as error:
            raise UsageError(f"{config_file}: {_config_problem(errors, error)}") from None
    if "regpub" not in config.plugins:
        raise UsageError(f"{config_file} does not use the regpub plugin: add `plugins: [regpub]`")
    plugin = regpub_plugin(config)
    try:
        plugin.check_setup(config)
    except ConfigurationError as error:
        raise UsageError(f"{config_file}: {error}") from None
    plugin.given = given
    return config


def site_inputs(config: MkDocsConfig) -> str:
    """What a build reads of the site's set-up: mkdocs.yml as resolved, the files and folders it
    names (`site_fingerprint`), the regpub plugin's options and the letterhead they name."""
    options = regpub_plugin(config).config
    letterhead = Path(options.reference_docx).read_bytes() if options.reference_docx else b""
    shown = json.dumps(dict(options), sort_keys=True, default=str)
    return f"{site_fingerprint(config)}\n{shown}\n{hashlib.sha256(letterhead).hexdigest()}"


def regpub_plugin(config: MkDocsConfig) -> RegpubPlugin:
    plugin = config.plugins["regpub"]
    assert isinstance(plugin, RegpubPlugin), type(plugin)
    return plugin


@dataclass(frozen=True, slots=True)
class Built:
    config: MkDocsConfig  # what the site was built with
    published: Published  # what changed in the output folder
    warnings: list[str]  # what MkDocs warned about, as it printed it
    made: dict[str, Made]  # what the output files that know it were made from
    facets: dict[str, str]  # what each thing they could read of the corpus was (`Previous.facets`)


def build_site(
    config: MkDocsConfig,
    output: Path,
    checked: Checked,
    *,
    docx: bool = True,
    previous: Previous | None = None,
) -> Built:
    """Build the checked content with `config` (`site_config`, read before the content was
    checked, so that a broken set-up stops the build before any work) into a fresh folder beside
    `output`, then put what changed in place.

    The plugin is handed `checked`, so the corpus is read once per build, not twice, and
    `previous`, what the last build left in `output`, to keep the files it made alike. Raises
    UsageError for a set-up that cannot build (exit 2) and BuildFailed when a build step
    failed; `output` is untouched then.
    """
    content, as_of = checked.corpus.root, checked.as_of
    _show_mkdocs_warnings()
    output = output.resolve()
    config_file = os.path.relpath(config.config_file_path or "mkdocs.yml")
    regpub_plugin(config).given = Given(content.resolve(), as_of, docx, checked, previous)
    output.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{output.name}-building-", dir=output.parent))
    config.site_dir = str(staging)
    try:
        with mkdocs_log(logging.ERROR) as errors, mkdocs_log(logging.WARNING, below=logging.ERROR) as warned:
            mkdocs_build(config)
    except ConfigurationError as error:
        shutil.rmtree(staging, ignore_errors=True)
        raise UsageError(f"{config_file}: {error}") from None
    except jinja2.TemplateError as error:
        shutil.rmtree(staging, ignore_errors=True)
        raise UsageError(f"a page template failed: {_template_problem(error)}") from None
    except MkDocsException as error:
        shutil.rmtree(staging, ignore_errors=True)
        raise BuildFailed(_config_problem(errors, error)) from None
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    plugin = regpub_plugin(config)
    warnings = [*warned, *plugin.warnings]  # the pages' workers' own
    facets = plugin.generated.known.facets() if plugin.generated else {}
    try:
        published = publish(staging, output, kept={*plugin.made, *plugin.kept})
    except OSError as error:  # the folder's permissions, a full disk
        shutil.rmtree(staging, ignore_errors=True)
        problem = f"could not put the built site in place in {output} (it may be incomplete): {error}"
        raise RegpubError(problem) from None
    return Built(config, published, warnings, plugin.made, facets)


def _config_problem(logged: list[str], error: Exception) -> str:
    """What MkDocs logged, less its wording about its own config keys; else the error itself."""
    lines = [re.sub(r"^Config value '(\w+)': ", r"\1: ", line) for line in logged]
    lines = [
        re.sub(r"^plugins: Plugin '(\w+)' option '(\w+)': ", r"plugin \1, option \2: ", line)
        for line in lines
    ]
    return "; ".join(lines) or str(error)


def _template_problem(error: jinja2.TemplateError) -> str:
    if isinstance(error, jinja2.TemplateNotFound):
        return (
            f"template '{error.name}' not found in the theme folders "
            "(a custom_dir template that names it, or a broken regpub installation)"
        )
    if isinstance(error, jinja2.TemplateSyntaxError):
        # The bare message: str() of an error that came back from a page worker has the place twice.
        return f"{error.message} ({error.filename}:{error.lineno})"
    return str(error)


def _show_mkdocs_warnings() -> None:
    """MkDocs' warnings as it prints them; its errors come back once, in regpub's message."""
    logger = logging.getLogger("mkdocs")
    if not logger.handlers:
        handler = logging.StreamHandler()
        handler.setFormatter(logging.Formatter("%(levelname)-7s -  %(message)s"))
        handler.addFilter(lambda record: record.levelno < logging.ERROR)
        logger.addHandler(handler)
        logger.setLevel(logging.WARNING)
