"""`regpub build`: check, then MkDocs with the regpub plugin.

The build writes into a temporary folder beside the output and swaps it in only when every
step succeeded, so a failed build leaves the previous site untouched.
"""

from __future__ import annotations

import logging
import os
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path

from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import load_config
from mkdocs.exceptions import MkDocsException

from generator.check import Checked
from generator.settings import UsageError

# The plugin reads these, so `mkdocs build`, `regpub build` and `regpub serve` share one path.
CONTENT_ENV = "REGPUB_CONTENT"
AS_OF_ENV = "REGPUB_AS_OF"
NO_DOCX_ENV = "REGPUB_NO_DOCX"


class BuildFailed(Exception):
    """MkDocs or a build step failed; the message says why and nothing was published."""


@contextmanager
def regpub_environment(content: Path, as_of: date, *, docx: bool) -> Iterator[None]:
    saved = {key: os.environ.get(key) for key in (CONTENT_ENV, AS_OF_ENV, NO_DOCX_ENV)}
    os.environ[CONTENT_ENV] = str(content.resolve())
    os.environ[AS_OF_ENV] = as_of.isoformat()
    os.environ.pop(NO_DOCX_ENV, None)
    if not docx:
        os.environ[NO_DOCX_ENV] = "1"
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    try:
        yield
    finally:
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value


def build_site(config_file: Path, output: Path, checked: Checked, *, docx: bool = True) -> None:
    """Build the checked content into a fresh folder beside `output`, then put it in place.

    The plugin is handed `checked`, so the corpus is read once per build, not twice.
    """
    content, as_of = checked.corpus.root, checked.as_of
    if not config_file.is_file():
        raise UsageError(f"{config_file} not found: run regpub from the site's folder")
    _show_mkdocs_warnings()
    output = output.resolve()
    output.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{output.name}-building-", dir=output.parent))
    try:
        with regpub_environment(content, as_of, docx=docx):
            config = load_config(str(config_file), site_dir=str(staging))
            plugin = config.plugins.get("regpub")
            if plugin is not None:
                plugin.preloaded = checked
            mkdocs_build(config)
    except MkDocsException as error:
        shutil.rmtree(staging, ignore_errors=True)
        raise BuildFailed(str(error)) from None
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    _replace(output, staging)


def _replace(output: Path, staging: Path) -> None:
    previous = output.with_name(f".{output.name}-previous")
    shutil.rmtree(previous, ignore_errors=True)
    if output.exists():
        output.rename(previous)
    staging.rename(output)
    shutil.rmtree(previous, ignore_errors=True)


def _show_mkdocs_warnings() -> None:
    logger = logging.getLogger("mkdocs")
    if not logger.handlers:
        handler = logging.StreamHandler()
        handler.setFormatter(logging.Formatter("%(levelname)-7s -  %(message)s"))
        logger.addHandler(handler)
        logger.setLevel(logging.WARNING)
