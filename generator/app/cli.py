"""The `regpub` command: check, build, serve, new, schema, init."""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
from collections.abc import Callable, Iterator, Sequence
from datetime import date
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

from generator.app.last_build import build_inputs, forget_last_build, keep_last_build, read_last_build
from generator.app.last_check import check_inputs, checked_before, keep_check
from generator.content.settings import as_of_date, content_root
from generator.core.errors import BuildFailed, RegpubError, UsageError

EXIT_OK, EXIT_CONTENT, EXIT_USAGE = 0, 1, 2


def main(argv: Sequence[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    command: Callable[[argparse.Namespace], int] = args.run
    try:
        return command(args)
    except RegpubError as error:
        print(f"regpub: {error}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # `regpub schema | head`: the reader has all it wanted
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_OK


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="regpub", description="Publish regulations and meeting records.")
    parser.add_argument("--version", action="version", version=f"regpub {_version()}")
    commands = parser.add_subparsers(required=True, metavar="COMMAND")

    check = commands.add_parser("check", help="validate the content and report every problem")
    check.add_argument("--strict", action="store_true", help="warnings fail the check too")
    check.add_argument(
        "--format",
        choices=("text", "json", "github"),
        default="text",
        help="text (default), json, or github (workflow annotations on the changed lines)",
    )
    _add_common(check, as_of=True)
    check.set_defaults(run=run_check)

    build = commands.add_parser("build", help="check, then build the site and downloads")
    build.add_argument("--output", metavar="DIR", default="site", help="output folder (default: site/)")
    build.add_argument("--no-docx", action="store_true", help="skip the DOCX and PDF downloads")
    build.add_argument(
        "--site-url", metavar="URL", help="where the site is published (absolute links in sitemap and feed)"
    )
    build.add_argument("--config", metavar="FILE", default="mkdocs.yml", help=argparse.SUPPRESS)
    _add_common(build, as_of=True)
    build.set_defaults(run=run_build)

    serve = commands.add_parser("serve", help="live preview that rebuilds on every edit")
    serve.add_argument("--address", metavar="HOST:PORT", help="where to serve (default: 127.0.0.1:8000)")
    serve.add_argument("--config", metavar="FILE", default="mkdocs.yml", help=argparse.SUPPRESS)
    _add_common(serve, as_of=True)
    serve.set_defaults(run=run_serve)

    new = commands.add_parser("new", help="write a new document from a template")
    new.add_argument("kind", choices=_Later(_new_kinds), metavar="KIND", help="%(choices)s")
    new.add_argument("target", nargs="?", metavar="ID", help="version: the regulation that was amended")
    new.add_argument("--id", help="the new document's id (default: made from the title)")
    new.add_argument("--title", help="the full official title (regulation, meeting)")
    new.add_argument("--by", metavar="AMENDING-ID", help="version: the amending document")
    new.add_argument("--from", dest="start", metavar="DATE", help="version: when the new text applies")
    _add_common(new, as_of=False)
    new.set_defaults(run=run_new)

    schema = commands.add_parser("schema", help="print the JSON Schema of front matter")
    schema.add_argument(
        "what", nargs="?", default="document", choices=_Later(_schema_names), metavar="WHAT",
        help="%(choices)s",
    )  # fmt: skip
    _add_common(schema, as_of=False)
    schema.set_defaults(run=run_schema)

    init = commands.add_parser("init", help="write a new editors' repository (never overwrites)")
    init.add_argument("folder", nargs="?", default=".", metavar="DIR", help="where (default: here)")
    init.set_defaults(run=run_init)
    return parser


class _Later:
    """Choices named only when asked for: the document types load with the commands that use
    them, not with every command (`regpub check` with nothing to do reads no more than it must)."""

    def __init__(self, names: Callable[[], tuple[str, ...]]) -> None:
        self._names = names

    def __iter__(self) -> Iterator[str]:
        return iter(self._names())

    def __contains__(self, name: object) -> bool:
        return name in self._names()


def _new_kinds() -> tuple[str, ...]:
    from generator.doctypes import DOCUMENT_TYPES  # noqa: PLC0415

    return (*DOCUMENT_TYPES, "version")


def _schema_names() -> tuple[str, ...]:
    from generator.app.schema import SCHEMAS  # noqa: PLC0415

    return tuple(SCHEMAS)


def _version() -> str:
    try:
        return version("regpub")
    except PackageNotFoundError:  # run from a source tree that was never installed
        return "unknown"


def _add_common(parser: argparse.ArgumentParser, *, as_of: bool) -> None:
    parser.add_argument(
        "--content", metavar="DIR", help="content root (default: from mkdocs.yml, else regulations/)"
    )
    if as_of:
        parser.add_argument("--as-of", metavar="DATE", help="compute statuses as of this date (YYYY-MM-DD)")


def _jobs() -> int:
    """The processes a command may use (`REGPUB_JOBS`, else one per core)."""
    from generator.core.forks import worker_count  # noqa: PLC0415

    try:
        return worker_count(None)
    except ValueError as error:
        raise UsageError(str(error)) from None


def run_check(args: argparse.Namespace) -> int:
    root = content_root(args.content)
    as_of = as_of_date(args.as_of)
    inputs = check_inputs(root, as_of)
    before = checked_before(inputs)
    if before is None:
        by_contents = check_inputs(root, as_of, contents=True)
        before = checked_before(by_contents)
        if before is None:
            from generator.content.check import check_content  # noqa: PLC0415

            checked = check_content(root, as_of, for_good=True, jobs=_jobs())
            before = checked.report, checked.files.count
            keep_check(by_contents, *before)
        keep_check(inputs, *before)
    report, files = before
    if args.format == "json":
        print(report.to_json())
        print(report.summary(files), file=sys.stderr)
    elif args.format == "github":
        for diagnostic in report.diagnostics:
            print(diagnostic.format_github())
        print(report.summary(files))
    else:
        for diagnostic in report.diagnostics:
            print(diagnostic.format())
        print(report.summary(files))
    return EXIT_CONTENT if report.failed(strict=args.strict) else EXIT_OK


def run_build(args: argparse.Namespace) -> int:
    # MkDocs is slow to import and `check` needs none of it, so only build and serve load it.
    from generator.app.build import build_site, regpub_plugin, site_config, site_inputs  # noqa: PLC0415
    from generator.content.check import check_content  # noqa: PLC0415

    root = content_root(args.content, Path(args.config))
    as_of = as_of_date(args.as_of)
    output = Path(args.output)
    if args.site_url is not None and not re.match(r"^https?://[^/\s]+", args.site_url):
        raise UsageError(f"--site-url '{args.site_url}' is not an http(s) address")
    try:  # the set-up first: a missing or broken mkdocs.yml is said before the content is read
        config = site_config(Path(args.config), site_url=args.site_url)
    except UsageError as error:
        raise UsageError(f"{error}\nNothing was built; {output} is unchanged.") from None
    inputs = build_inputs(content=root, site=site_inputs(config), as_of=as_of, docx=not args.no_docx)
    last = read_last_build(output)
    if last is not None and last.unchanged(inputs, output):
        for line in last.warnings:
            print(line, file=sys.stderr)
        for line in last.said:
            print(line)
        print(f"{output}/: nothing to do, 0 files written, 0 removed, {last.files:,} unchanged.")
        return EXIT_OK
    forget_last_build(output)
    checked = check_content(root, as_of, for_good=True, jobs=_jobs())
    report = checked.report
    said: list[str] = []  # the lines a build with nothing to do says again

    def say(line: str) -> None:
        said.append(line)
        print(line)

    for line in report.brief():
        say(line)
    if report.has_errors:
        print(report.summary(checked.files.count))
        print("Nothing was built: fix the errors above.", file=sys.stderr)
        return EXIT_CONTENT
    try:
        previous = last.previous(output) if last is not None else None
        built = build_site(config, output, checked, docx=not args.no_docx, previous=previous)
    except UsageError as error:
        raise UsageError(f"{error}\nNothing was built; {output} is unchanged.") from None
    except BuildFailed as error:
        print(f"regpub: the build failed, {output} is unchanged:\n{error}", file=sys.stderr)
        return EXIT_USAGE
    done = "".join(f"; {step}" for step in regpub_plugin(built.config).report)
    say(f"Built the site into {output}/ ({checked.files.count} content files, as of {as_of}{done}).")
    if (turn := checked.corpus.next_status_change(as_of)) is not None:
        day, ids = turn
        whose = ids[0] if len(ids) == 1 else f"{len(ids)} documents"
        say(f"Statuses change next on {day.day} {day:%B %Y} ({whose}): rebuild on that day.")
    if not built.config.site_url:
        say(
            "Note: no site URL, so there is no sitemap.xml and the feed's links are relative: "
            "pass --site-url URL or set site_url in mkdocs.yml."
        )
    print(f"{output}/: {built.published.brief()}.")
    keep_last_build(output, inputs, said, built.warnings, built.made, facets=built.facets)
    return EXIT_OK


def run_serve(args: argparse.Namespace) -> int:
    from generator.app.preview import serve  # noqa: PLC0415

    serve(
        Path(args.config),
        content_root(args.content, Path(args.config)),
        as_of_date(args.as_of),
        args.address or "127.0.0.1:8000",
    )
    return EXIT_OK


def run_new(args: argparse.Namespace) -> int:
    from generator.app.scaffold import draft, new_path, render_new  # noqa: PLC0415
    from generator.content.check import check_content  # noqa: PLC0415
    from generator.core.model import Kind  # noqa: PLC0415
    from generator.core.values import ID_MAX_LENGTH, ID_PATTERN  # noqa: PLC0415
    from generator.doctypes import DOCUMENT_TYPES  # noqa: PLC0415

    if args.kind == "version":
        return run_new_version(args)
    if not args.title:
        raise UsageError(f"regpub new {args.kind} needs --title")
    id_ = args.id
    if id_ is not None and (len(id_) > ID_MAX_LENGTH or not re.match(ID_PATTERN, id_)):
        raise UsageError(
            f"--id '{id_}' is not a valid id: lower-case Latin letters, digits and single hyphens"
        )
    if not args.title.strip():
        raise UsageError("--title must not be empty")
    root = content_root(args.content)
    today = as_of_date(None)
    corpus = check_content(root, today).corpus
    existing = corpus.get(id_) if id_ else None
    if existing is not None:
        raise UsageError(f"id '{id_}' is already used by {existing.path}")
    new = draft(Kind(args.kind), args.title.strip(), today, corpus, id_)
    path = new_path(root, new.id, today)
    if path.exists():
        raise UsageError(f"{path} already exists")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(render_new(new, corpus), encoding="utf-8")
    print(f"Wrote {path} (id: {new.id}).")
    if new.similar:
        field = DOCUMENT_TYPES[new.kind].model.ISSUED_BY
        print(f"Took the {field} from the most similar document, {new.similar}: check them.")
    print("Fill in the places marked TODO, then run: regpub check")
    return EXIT_OK


def run_new_version(args: argparse.Namespace) -> int:
    if not args.target or not args.by or not args.start:
        raise UsageError("usage: regpub new version ID --by AMENDING-ID --from DATE")
    try:
        start = date.fromisoformat(args.start)
    except ValueError:
        raise UsageError(f"--from '{args.start}' is not a date YYYY-MM-DD") from None
    from generator.app.scaffold import new_version  # noqa: PLC0415
    from generator.content.check import check_content  # noqa: PLC0415

    root = content_root(args.content)
    corpus = check_content(root, as_of_date(None)).corpus
    kept, updated = new_version(corpus, args.target, args.by, start)
    print(f"Kept the text in force until {start} in {kept}.")
    print(f"{updated} now holds the text from {start} (by {args.by}): edit it to make the change.")
    return EXIT_OK


def run_schema(args: argparse.Namespace) -> int:
    if args.content is not None:
        content_root(args.content)  # validate it, for a uniform command line
    from generator.app.schema import json_schema  # noqa: PLC0415

    print(json.dumps(json_schema(args.what), ensure_ascii=False, indent=2))
    return EXIT_OK


def run_init(args: argparse.Namespace) -> int:
    from generator.app.init import init_repository  # noqa: PLC0415

    folder = Path(args.folder)
    written = init_repository(folder)
    for path in written:
        print(f"  {path.relative_to(folder).as_posix()}")
    where = "" if folder == Path(".") else f"cd {folder} && "
    print(f"Wrote an editors' repository into {folder}/ ({len(written)} files). Next: {where}regpub build")
    return EXIT_OK


def entry_point() -> None:
    sys.exit(main())


if __name__ == "__main__":
    entry_point()
