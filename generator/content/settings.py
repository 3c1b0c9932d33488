"""Where the content is and which day it is: the two settings every command shares."""

from __future__ import annotations

import os
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import yaml

from generator.core.errors import UsageError

DEFAULT_CONTENT = Path("regulations")


class _TolerantLoader(yaml.SafeLoader):
    """Reads mkdocs.yml, which may hold tags such as !!python/name: or !ENV we do not need."""


def _ignore_tag(loader: yaml.SafeLoader, suffix: str, node: yaml.Node) -> Any:
    return None


_TolerantLoader.add_multi_constructor("", _ignore_tag)


def content_root(explicit: str | None, config: Path = Path("mkdocs.yml")) -> Path:
    """`--content`, else the regpub plugin's `content` option in mkdocs.yml, else regulations/."""
    configured = _root_from_config(config) if explicit is None else None
    root = Path(explicit) if explicit is not None else configured or DEFAULT_CONTENT
    if not root.is_dir():
        named = "the regpub plugin's `content` in mkdocs.yml" if configured else "pass --content DIR"
        raise UsageError(f"content folder '{root}' does not exist ({named})")
    return root


def _root_from_config(config: Path) -> Path | None:
    if not config.is_file():
        return None
    try:
        settings = yaml.load(config.read_text(encoding="utf-8"), Loader=_TolerantLoader)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark
        where = f":{mark.line + 1}:{mark.column + 1}" if mark else ""
        raise UsageError(f"{config}{where}: not valid YAML: {error.problem}") from None
    except (yaml.YAMLError, OSError, UnicodeDecodeError) as error:
        raise UsageError(f"cannot read {config}: {error}") from None
    plugins = settings.get("plugins") if isinstance(settings, dict) else None
    for plugin in plugins or []:
        if isinstance(plugin, dict) and isinstance(plugin.get("regpub"), dict):
            content = plugin["regpub"].get("content")
            if isinstance(content, str):
                return config.parent / content
    return None


def as_of_date(explicit: str | None) -> date:
    """`--as-of`, else SOURCE_DATE_EPOCH (reproducible builds), else today."""
    if explicit is not None:
        try:
            return date.fromisoformat(explicit)
        except ValueError:
            raise UsageError(f"--as-of '{explicit}' is not a date YYYY-MM-DD") from None
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch:
        try:
            return datetime.fromtimestamp(int(epoch), tz=UTC).date()
        except (ValueError, OverflowError, OSError):
            raise UsageError(f"SOURCE_DATE_EPOCH '{epoch}' is not a Unix timestamp") from None
    return date.today()
