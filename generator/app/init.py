"""`regpub init`: a new editors' repository that checks and builds as it is.

The files come from `generator/resources/init/`, where a leading `dot-` in a name stands for
the dot (`dot-gitignore` → `.gitignore`): a real `.gitignore` there would be read by git as
regpub's own, and package-data globs skip dot files.

>>> target_name("dot-github/workflows/regpub.yml")
'.github/workflows/regpub.yml'
"""

from __future__ import annotations

from pathlib import Path, PurePosixPath

from generator.core.errors import UsageError
from generator.resources import init_template

_DOT = "dot-"


def target_name(template: str) -> str:
    """Where a template file goes, relative to the new repository."""
    parts = PurePosixPath(template).parts
    return "/".join("." + part.removeprefix(_DOT) if part.startswith(_DOT) else part for part in parts)


def init_repository(folder: Path) -> list[Path]:
    """Write every template file under `folder`; the written paths, in order.

    Refuses, writing nothing, when any of those files exists already: init never overwrites.
    """
    template = init_template()
    plan = dict(
        sorted(
            (folder / target_name(source.relative_to(template).as_posix()), source)
            for source in template.rglob("*")
            if source.is_file()
        )
    )
    if folder.exists() and not folder.is_dir():
        raise UsageError(f"{folder} exists and is not a folder")
    # A file where init needs a folder (a file named `docs`) is in the way too.
    blocking = {parent for target in plan for parent in target.parents if parent.is_file()}
    existing = sorted({*(target for target in plan if target.exists()), *blocking})
    if existing:
        names = ", ".join(target.relative_to(folder).as_posix() for target in existing)
        raise UsageError(
            f"{folder} already has {names}: regpub init never overwrites, so nothing was written"
        )
    try:
        for target, source in plan.items():
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(source.read_bytes())
    except OSError as error:
        raise UsageError(f"cannot write {error.filename}: {error.strerror}") from None
    return list(plan)
