"""Markdown engines on regpub's bodies (#20 item 4): how fast each converts them on one core, and
how close its HTML comes to what the site makes with Python-Markdown.

Usage: python benchmarks/markdown_engines.py [N] [--raw] [--runs R] [--sample K]

N names the synthetic corpus (`corpus-N-v2`, made by check.py's `corpus_of` when missing;
default 1000). The bodies are what the site hands its Markdown engine: `render_body`'s Markdown
of every document and earlier text, in which `[[id]]` has become a link carrying
`{data-ref="id"}` and each article, section and chapter heading its `{#article-N}`. `--raw`
takes the bodies as written instead (the text after the front matter, as floor.py converts it).

Speed: every engine converts every body in this one process, one body after another (one
core, no workers: the machine's other core is someone's), in R rounds (default 3) that take the
engines in turn; the best round counts. Engines that are not installed are reported as missing.
Two hybrids are measured too: pyromark with the steps regpub would add around it (`_hybrid`),
handing Python-Markdown the bodies that use what pyromark cannot make the same.

Fidelity, against Python-Markdown with the site's extensions and `toc` settings
(`generator.site.markdown`): a short Markdown of each construct an editor may write or regpub
writes (`CONSTRUCTS`), then whole bodies: the sample content (`regulations/`), the full test
case (`tests/cases/valid-full/content`, which has the admonition, footnote and table) and K
bodies of the corpus spread evenly over it (default 2000: all of `corpus-1000-v2`). Two outputs
are "the same" when they are equal after normalizing what HTML does not tell apart: runs of
whitespace, whitespace next to tags, attribute order and quoting, `<hr />` and `<hr>`,
character references for characters that need none.

The candidates are not regpub's dependencies: measure them in a virtualenv of their own with
regpub's versions of the rest, from the repository root:

    python3 -m venv /tmp/mdvenv
    .venv/bin/pip freeze --exclude-editable > /tmp/regpub-pins.txt
    /tmp/mdvenv/bin/pip install -c /tmp/regpub-pins.txt Markdown pymdown-extensions Pygments \\
        PyYAML pydantic Babel markdown-it-py mdit-py-plugins markdown-it-pyrs pyromark comrak cmarkgfm
    PYTHONPATH=. /tmp/mdvenv/bin/python benchmarks/markdown_engines.py 1000
"""

from __future__ import annotations

import datetime
import importlib
import importlib.metadata
import math
import os
import platform
import re
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from html import unescape
from pathlib import Path

from check import corpus_of  # benchmarks/ is on sys.path when run as a script

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
HAND_WRITTEN = (REPO / "regulations", REPO / "tests" / "cases" / "valid-full" / "content")
REFERENCE = "Python-Markdown"

Convert = Callable[[str], str]
Body = tuple[str, str]  # (where it comes from, its Markdown)


# ---------------------------------------------------------------------------------------------
# What a body may hold


@dataclass(frozen=True, slots=True)
class Construct:
    """One thing a body may hold: a short Markdown of it, what the site needs to find in its HTML
    (all of `needs`, none of `forbids`), and whether a body's Markdown uses it (`used`)."""

    name: str
    markdown: str
    needs: tuple[str, ...]
    forbids: tuple[str, ...]
    used: Callable[[str], object]


_ITEM = re.compile(r"[ \t]*(?:\d+[.)]|[-*+])[ \t]")


def _list_after_text(text: str) -> bool:
    """Whether a list item follows a paragraph's line with no blank line between (Python-Markdown
    reads it as more of the paragraph, CommonMark as a list)."""
    before = ""  # the line before: "" blank, "gap" blank in a list, "item" (or its text), "text", "other"
    for line in text.split("\n"):
        if not line.strip():
            now = "gap" if before in ("item", "gap") else ""
        elif _ITEM.match(line):
            if before == "text":
                return True
            now = "item"
        elif before == "item" or (before == "gap" and line[0] in " \t"):
            now = "item"
        else:
            now = "other" if line.lstrip()[:1] in ("#", "|") else "text"
        before = now
    return False


_SLUG = "итоги-координации-в-20192020-годах"
CONSTRUCTS = (
    Construct(
        "heading id (Russian slug)",
        "## Итоги координации в 2019–2020 годах\n",
        (f'id="{_SLUG}"',),
        (),
        re.compile(r"^#{1,6} (?!.*\{#[^}]*\}[ \t]*$)", re.MULTILINE).search,
    ),
    Construct(
        "`{#article-3}` on a heading",
        "### Статья 3. Ключевое содержание {#article-3}\n",
        ('id="article-3"',),
        ("{#",),
        re.compile(r"^#{1,6} .*\{#[^}]*\}[ \t]*$", re.MULTILINE).search,
    ),
    Construct(
        "permalink on a heading",
        "## Итоги координации в 2019–2020 годах\n",
        (f'href="#{_SLUG}"',),
        (),
        re.compile(r"^#{1,6} ", re.MULTILINE).search,
    ),
    Construct(
        '`{data-ref="…"}` on a link',
        'См. [статью 3 Положения](../../x/index.md#article-3){data-ref="x"}.\n',
        ('data-ref="x"',),
        ("{data-ref",),
        re.compile(r"\]\([^)\n]*\)\{data-ref=").search,
    ),
    Construct(
        "table",
        "| № п/п | Мероприятие |\n| --- | --- |\n| 1 | Планирование |\n",
        ("<th>", "<td>"),
        ("| ---",),
        re.compile(r"^[ \t]*\|?[ \t]*:?-{3,}:?[ \t]*\|", re.MULTILINE).search,
    ),
    Construct(
        "footnote",
        "Текст со сноской[^1].\n\n[^1]: Текст сноски.\n",
        ("<sup", "Текст сноски"),
        ("[^1]",),
        re.compile(r"\[\^[^\]\s]+\]").search,
    ),
    Construct(
        '`!!! note "Примечание"`',
        '!!! note "Примечание"\n    Текст примечания.\n',
        ('class="admonition note"', "Примечание"),
        ("!!!",),
        re.compile(r"^[ \t]*!!![ \t]", re.MULTILINE).search,
    ),
    Construct(
        '`??? warning "Подробнее"`',
        '??? warning "Подробнее"\n    Скрытый текст.\n',
        ("<details", "<summary>Подробнее</summary>"),
        ("???",),
        re.compile(r"^[ \t]*\?\?\?\+?[ \t]", re.MULTILINE).search,
    ),
    Construct(
        "definition list",
        "Срок действия\n:   Период, в течение которого действует положение.\n",
        ("<dl>", "<dt>", "<dd>"),
        (),
        re.compile(r"^:[ \t]{1,3}\S", re.MULTILINE).search,
    ),
    Construct(
        "fenced code",
        "```text\nПункт 1 — без изменений\n```\n",
        ("<code", "Пункт 1"),
        ("```",),
        re.compile(r"^[ \t]*(```|~~~)", re.MULTILINE).search,
    ),
    Construct(
        "fenced code in an admonition",
        "!!! note\n\n    ```text\n    Пункт 1\n    ```\n",
        ('class="admonition note"', "<code"),
        ("```", "!!!"),
        re.compile(r"^[ \t]*!!![^\n]*\n(?:[ \t]*\n)*[ \t]{4,}(```|~~~)", re.MULTILINE).search,
    ),
    Construct(
        "list right after a line of text",
        "Стороны обязуются:\n1. обмениваться информацией;\n2. проводить совещания.\n",
        ("обмениваться",),
        (),
        _list_after_text,
    ),
    Construct(
        "paragraph in a list item, 3-space indent",
        "1. В статье 4 абзац изложить так:\n\n   «Стороны обмениваются информацией».\n\n2. Исключить.\n",
        ("«Стороны",),
        (),
        re.compile(r"^[ \t]*(?:\d+[.)]|[-*+])[ \t].*\n(?:[ \t]*\S.*\n)*[ \t]*\n {1,3}\S", re.M).search,
    ),
)


# ---------------------------------------------------------------------------------------------
# The engines, each set up as close to the site's Markdown as it can be


@dataclass(frozen=True, slots=True)
class Engine:
    name: str
    package: str  # the distribution on PyPI: its version, and what to install when missing
    written_in: str
    set_up: str  # how it is configured here, in short
    make: Callable[[], Convert]
    handed: tuple[str, ...] = ()  # a hybrid: the constructs whose bodies go to Python-Markdown
    install: str = ""  # what to install when it is missing, if more than `package`


def _python_markdown() -> Convert:
    """The site's own: `MARKDOWN_EXTENSIONS` and `toc` with `toc_settings()`, one converter
    reset between bodies (as MkDocs' page render and floor.py use it)."""
    markdown = importlib.import_module("markdown")
    site = importlib.import_module("generator.site.markdown")
    converter = markdown.Markdown(
        extensions=[*site.MARKDOWN_EXTENSIONS, "toc"], extension_configs={"toc": site.toc_settings()}
    )

    def convert(text: str) -> str:
        return str(converter.reset().convert(text))

    return convert


def _markdown_it_py() -> Convert:
    """CommonMark with tables and mdit-py-plugins' footnotes, definition lists, admonitions
    (`!!!`, `???`), attributes after links and on the line before a block, and heading anchors
    at every level with the site's slugs (pymdownx, lower case) and a `#` permalink."""
    markdown_it = importlib.import_module("markdown_it")
    slugify = importlib.import_module("pymdownx.slugs").slugify(case="lower")
    plugin = {name: importlib.import_module(f"mdit_py_plugins.{name}") for name in
              ("footnote", "deflist", "admon", "attrs", "anchors")}  # fmt: skip
    parser = (
        markdown_it.MarkdownIt("commonmark")
        .enable("table")
        .use(plugin["footnote"].footnote_plugin)
        .use(plugin["deflist"].deflist_plugin)
        .use(plugin["admon"].admon_plugin)
        .use(plugin["attrs"].attrs_plugin)
        .use(plugin["attrs"].attrs_block_plugin)
        .use(
            plugin["anchors"].anchors_plugin,
            min_level=1,
            max_level=6,
            slug_func=lambda title: slugify(title, "-"),
            permalink=True,
            permalinkSymbol="#",
        )
    )
    return parser.render  # type: ignore[no-any-return]


def _markdown_it_pyrs() -> Convert:
    """markdown-it.rs, CommonMark with its table, footnote, deflist and heading_anchors plugins
    (GitHub's slugs and link icon; none of them can be configured from Python)."""
    module = importlib.import_module("markdown_it_pyrs")
    parser = module.MarkdownIt("commonmark").enable_many(["table", "footnote", "deflist", "heading_anchors"])
    return parser.render  # type: ignore[no-any-return]


def _pyromark() -> Convert:
    """pulldown-cmark: tables, footnotes, definition lists and heading attributes (`{#id}`)."""
    module = importlib.import_module("pyromark")
    options = module.Options
    wanted = (
        options.ENABLE_TABLES
        | options.ENABLE_FOOTNOTES
        | options.ENABLE_DEFINITION_LIST
        | options.ENABLE_HEADING_ATTRIBUTES
    )
    return module.Markdown(options=wanted).html  # type: ignore[no-any-return]


def _comrak() -> Convert:
    """comrak: tables, footnotes, description lists, heading ids (GitHub's slugs, no prefix),
    raw HTML kept as Python-Markdown keeps it."""
    module = importlib.import_module("comrak")
    extensions = module.ExtensionOptions()
    extensions.table = True
    extensions.footnotes = True
    extensions.description_lists = True
    extensions.header_id_prefix = ""
    rendering = module.RenderOptions()
    rendering.unsafe_ = True

    def convert(text: str) -> str:
        return str(module.render_markdown(text, extension_options=extensions, render_options=rendering))

    return convert


def _cmarkgfm() -> Convert:
    """cmark-gfm: the table extension and footnotes, raw HTML kept (no autolinks of bare URLs,
    which Python-Markdown does not make)."""
    module = importlib.import_module("cmarkgfm")
    options = importlib.import_module("cmarkgfm.cmark").Options
    wanted = options.CMARK_OPT_FOOTNOTES | options.CMARK_OPT_UNSAFE

    def convert(text: str) -> str:
        return str(module.markdown_to_html_with_extensions(text, options=wanted, extensions=["table"]))

    return convert


# What regpub would do around a fast engine (a sketch, timed with the rest): write the links'
# `data-ref` as inline HTML (`render_body` writes these links itself), give each heading that
# has no id the toc extension's slug and every heading its permalink, and hand Python-Markdown
# the bodies that use what the engine does not make the same.
_REF_LINK = re.compile(r'\[((?:[^\[\]\\]|\\.)*)\]\(([^()\s]*)\)\{data-ref="([^"]*)"\}')
_ENGINE_HEADING = re.compile(r"<h([1-6])(?: id=\"([^\"]*)\")?>(.*?)</h\1>", re.DOTALL)
_ANY_ID = re.compile(r' id="([^"]*)"')
_SUFFIXED = re.compile(r"^(.*)_([0-9]+)$")
_NOT_IN_PYROMARK = ("footnote", '`!!! note "Примечание"`', '`??? warning "Подробнее"`', "fenced code")
_LISTS = ("list right after a line of text", "paragraph in a list item, 3-space indent")


def _unique(wanted: str, taken: set[str]) -> str:
    """`wanted`, or the toc extension's `wanted_1`, `_2` … when the page has it already."""
    found = wanted
    while found in taken or not found:
        suffixed = _SUFFIXED.match(found)
        base, count = (suffixed.group(1), int(suffixed.group(2))) if suffixed else (found, 0)
        found = f"{base}_{count + 1}"
    taken.add(found)
    return found


def _headings(html: str, slug: Callable[[str], str], title: str) -> str:
    """What the toc extension does to the engine's HTML: an id for each heading that has none,
    then a permalink in every heading."""
    taken = set(_ANY_ID.findall(html))

    def heading(match: re.Match[str]) -> str:
        level, anchor, inner = match.groups()
        if anchor is None:
            anchor = _unique(slug(unescape(re.sub(r"<[^>]+>", "", inner))), taken)
        link = f'<a class="headerlink" href="#{anchor}" title="{title}">#</a>'
        return f'<h{level} id="{anchor}">{inner}{link}</h{level}>'

    return _ENGINE_HEADING.sub(heading, html)


def _hybrid(handed: Sequence[str]) -> Callable[[], Convert]:
    def make() -> Convert:
        fast, slow = _pyromark(), _python_markdown()
        slugify = importlib.import_module("pymdownx.slugs").slugify(case="lower")
        title = importlib.import_module("generator.core.labels").PERMALINK
        uses = [construct.used for construct in CONSTRUCTS if construct.name in handed]

        def convert(text: str) -> str:
            if any(used(text) for used in uses):
                return slow(text)
            linked = _REF_LINK.sub(r'<a href="\2" data-ref="\3">\1</a>', text)
            return _headings(fast(linked), lambda name: str(slugify(name, "-")), title)

        return convert

    return make


ENGINES = (
    Engine(REFERENCE, "Markdown", "Python", "the site's extensions and toc settings", _python_markdown),
    Engine(
        "markdown-it-py",
        "markdown-it-py",
        "Python",
        "+ mdit-py-plugins (6)",
        _markdown_it_py,
        install="markdown-it-py mdit-py-plugins",
    ),
    Engine("markdown-it-pyrs", "markdown-it-pyrs", "Rust (markdown-it.rs)", "4 plugins", _markdown_it_pyrs),
    Engine("pyromark", "pyromark", "Rust (pulldown-cmark)", "4 options", _pyromark),
    Engine("comrak", "comrak", "Rust (comrak)", "4 extensions", _comrak),
    Engine("cmarkgfm", "cmarkgfm", "C (cmark-gfm)", "table, footnotes", _cmarkgfm),
    Engine(
        "hybrid A",
        "pyromark",
        "Rust + Python",
        "pyromark + regpub's steps; Python-Markdown for footnotes, `!!!`, `???`, fences, 2 list forms",
        _hybrid((*_NOT_IN_PYROMARK, *_LISTS)),
        (*_NOT_IN_PYROMARK, *_LISTS),
    ),
    Engine(
        "hybrid B",
        "pyromark",
        "Rust + Python",
        "as A, but the 2 list forms read as CommonMark reads them",
        _hybrid(_NOT_IN_PYROMARK),
        _NOT_IN_PYROMARK,
    ),
)


def version_of(package: str) -> str:
    try:
        return importlib.metadata.version(package)
    except importlib.metadata.PackageNotFoundError:
        return "—"


def available(engines: Sequence[Engine]) -> tuple[dict[str, Convert], dict[str, str]]:
    """({engine: its converter}, {engine: why it is missing})."""
    made: dict[str, Convert] = {}
    missing: dict[str, str] = {}
    for engine in engines:
        try:
            made[engine.name] = engine.make()
        except ImportError as error:
            missing[engine.name] = (
                f"missing ({error.name or error}): pip install {engine.install or engine.package}"
            )
    return made, missing


def handed_over(engine: Engine, bodies: Sequence[Body]) -> int:
    """How many of the bodies a hybrid hands to Python-Markdown."""
    uses = [construct.used for construct in CONSTRUCTS if construct.name in engine.handed]
    return sum(1 for _, text in bodies if any(used(text) for used in uses))


# ---------------------------------------------------------------------------------------------
# The bodies


def markdown_bodies(root: Path, *, raw: bool) -> list[Body]:
    """Every document's and earlier text's body under a content root, in path order."""
    return _raw_bodies(root) if raw else _rendered_bodies(root)


def _raw_bodies(root: Path) -> list[Body]:
    bodies = []
    for path in sorted(root.rglob("*.md")):
        text = path.read_text(encoding="utf-8")
        if text.startswith("---\n"):
            end = text.find("\n---\n", 3)
            text = text[end + 5 :] if end >= 0 else ""
        if text.strip():
            bodies.append((path.relative_to(root).as_posix(), text))
    return bodies


def _rendered_bodies(root: Path) -> list[Body]:
    """What the site's pages hand Python-Markdown: `render_body` of each body, on its own page
    (a meeting's under its record heading, an earlier text on its edition's page)."""
    from generator.content.load import load_corpus  # noqa: PLC0415  (not needed with --raw)
    from generator.core.diagnostics import Report  # noqa: PLC0415
    from generator.core.model import Kind  # noqa: PLC0415
    from generator.core.urls import RecordUrls, page_md  # noqa: PLC0415
    from generator.site.markdown import render_body  # noqa: PLC0415

    corpus, _ = load_corpus(root, Report())
    bodies = []
    for entry in corpus.entries:
        if entry.body is None or entry.body.is_empty or entry.kind is None:
            continue
        top = 3 if entry.kind is Kind.MEETING else 2  # a meeting's body is under "Ход заседания"
        markdown = render_body(corpus, entry.body, page_md(entry.kind, entry.id), entry.id, top)
        bodies.append((entry.path.relative_to(root).as_posix(), markdown))
    for text in corpus.version_texts:
        if text.record is None or text.body.is_empty:
            continue
        regulation = text.record.version_of
        edition = RecordUrls(Kind.REGULATION, regulation).edition(text.record.version.from_, current=False)
        markdown = render_body(corpus, text.body, f"{edition.page}index.md", regulation)
        bodies.append((text.path.relative_to(root).as_posix(), markdown))
    return sorted(bodies)


def spread(bodies: Sequence[Body], most: int) -> list[Body]:
    """At most `most` of the bodies, taken evenly (every k-th)."""
    return list(bodies[:: max(1, math.ceil(len(bodies) / most))])


# ---------------------------------------------------------------------------------------------
# Speed


def speeds(made: dict[str, Convert], bodies: Sequence[str], runs: int) -> dict[str, float]:
    """{engine: best seconds for all the bodies}, the engines taking turns in each round."""
    best = dict.fromkeys(made, math.inf)
    for _ in range(runs):
        for name, convert in made.items():
            started = time.perf_counter()
            for body in bodies:
                convert(body)
            best[name] = min(best[name], time.perf_counter() - started)
    return best


# ---------------------------------------------------------------------------------------------
# Fidelity


_TAG = re.compile(r"<([a-zA-Z][\w-]*)((?:\s+[^\s=/>]+(?:\s*=\s*(?:\"[^\"]*\"|'[^']*'|[^\s\"'>]+))?)*)\s*/?>")
_ATTRIBUTE = re.compile(r"([^\s=/>]+)(?:\s*=\s*(\"[^\"]*\"|'[^']*'|[^\s\"'>]+))?")
_CHARACTER = re.compile(r"&#(x[0-9a-fA-F]+|[0-9]+);")
_NAMED = {"&quot;": '"', "&#39;": "'", "&apos;": "'", "&nbsp;": "\xa0"}
_KEPT = {"<": "&lt;", ">": "&gt;", "&": "&amp;"}
_HEADING = re.compile(r"(<h[1-6](?: [^>]*)?>)(.*?)(</h[1-6]>)")
_PERMALINK = re.compile(r"<a (?:[^>]* )?href=\"#[^\"]*\"[^>]*>.*?</a>")
_HEADING_ID = re.compile(r"(<h[1-6][^>]*?) id=\"[^\"]*\"")


def _tag(match: re.Match[str]) -> str:
    attributes = []
    for name, written in _ATTRIBUTE.findall(match.group(2)):
        if written:
            value = written[1:-1] if written[0] in "\"'" else written
            attributes.append(f'{name.lower()}="{value}"')
        else:
            attributes.append(name.lower())
    return "<" + " ".join([match.group(1).lower(), *sorted(attributes)]) + ">"


def _character(match: re.Match[str]) -> str:
    code = match.group(1)
    character = chr(int(code[1:], 16) if code[0] == "x" else int(code))
    return _KEPT.get(character, character)


def normalized(html: str) -> str:
    """The HTML with what does not change its meaning made one way (see the module's docstring)."""
    html = _TAG.sub(_tag, html)
    for reference, character in _NAMED.items():
        html = html.replace(reference, character)
    html = _CHARACTER.sub(_character, html)
    html = re.sub(r"\s+", " ", html)
    return re.sub(r" ?(<[^>]*>) ?", r"\1", html).strip()


def without_permalinks(html: str) -> str:
    """Normalized HTML without the links to their own anchors that headings carry."""
    return _HEADING.sub(lambda m: m.group(1) + _PERMALINK.sub("", m.group(2)) + m.group(3), html)


def without_heading_ids(html: str) -> str:
    return _HEADING_ID.sub(r"\1", html)


# How close two normalized outputs are: the same, the same but for the permalinks, the same
# but for permalinks and heading ids.
LEVELS: tuple[tuple[str, Callable[[str], str]], ...] = (
    ("same", lambda html: html),
    ("same but permalinks", without_permalinks),
    ("same but permalinks and heading ids", lambda html: without_heading_ids(without_permalinks(html))),
)


def construct_cells(made: dict[str, Convert]) -> dict[str, dict[str, str]]:
    """{construct: {engine: "=" | "≈" | "—"}}: the same HTML as Python-Markdown (permalinks
    aside, but for the permalink's own row), what the site needs but in other HTML, or not that."""
    reference = made[REFERENCE]
    cells: dict[str, dict[str, str]] = {}
    for construct in CONSTRUCTS:
        level = LEVELS[0 if construct.name.startswith("permalink") else 1][1]
        expected = level(normalized(reference(construct.markdown)))
        row = cells[construct.name] = {}
        for name, convert in made.items():
            html = convert(construct.markdown)
            works = all(need in html for need in construct.needs)
            works = works and not any(forbidden in html for forbidden in construct.forbids)
            row[name] = "=" if level(normalized(html)) == expected else "≈" if works else "—"
    return cells


@dataclass(frozen=True, slots=True)
class Fidelity:
    """How one engine's HTML of whole bodies compares with Python-Markdown's: bodies the same at
    each of LEVELS, and the first that differs with its ids (LEVELS[1]): (body, reference's
    excerpt, engine's excerpt)."""

    same: tuple[int, ...]
    first: tuple[str, str, str] | None


def _first_difference(expected: str, got: str, before: int = 60, after: int = 120) -> tuple[str, str]:
    at = next((i for i, (a, b) in enumerate(zip(expected, got, strict=False)) if a != b), None)
    at = min(len(expected), len(got)) if at is None else at
    start = max(0, at - before)

    def excerpt(text: str) -> str:
        return ("…" if start else "") + text[start : at + after] + ("…" if at + after < len(text) else "")

    return excerpt(expected), excerpt(got)


def fidelity(made: dict[str, Convert], bodies: Sequence[Body]) -> dict[str, Fidelity]:
    reference = made[REFERENCE]
    expected = [[level(normalized(reference(text))) for _, level in LEVELS] for _, text in bodies]
    results: dict[str, Fidelity] = {}
    for name, convert in made.items():
        same, first = [0] * len(LEVELS), None
        for (where, text), wanted in zip(bodies, expected, strict=True):
            html = normalized(convert(text))
            for index, (_, level) in enumerate(LEVELS):
                got = level(html)
                if got == wanted[index]:
                    same[index] += 1
                elif index == 1 and first is None:
                    first = (where, *_first_difference(wanted[index], got))
        results[name] = Fidelity(tuple(same), first)
    return results


def uses(bodies: Sequence[Body]) -> dict[str, int]:
    """{construct: bodies whose Markdown uses it}."""
    return {c.name: sum(1 for _, text in bodies if c.used(text)) for c in CONSTRUCTS}


# ---------------------------------------------------------------------------------------------
# Report


def machine() -> str:
    model = platform.processor() or "unknown CPU"
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.is_file():
        for line in cpuinfo.read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    return f"{model}, {os.cpu_count()} cores (one used), Python {platform.python_version()}"


def percent(part: int, whole: int) -> str:
    return f"{part:,} ({100 * part / whole:.0f} %)" if whole else "—"


def _option(argv: Sequence[str], name: str, default: int) -> int:
    return int(argv[argv.index(name) + 1]) if name in argv else default


def main(argv: Sequence[str]) -> None:
    raw = "--raw" in argv
    runs, most = _option(argv, "--runs", 3), _option(argv, "--sample", 2000)
    values = {argv[i + 1] for i, arg in enumerate(argv[:-1]) if arg in ("--runs", "--sample")}
    size = next((int(arg) for arg in argv if arg.isdigit() and arg not in values), 1000)

    made, missing = available(ENGINES)
    if REFERENCE not in made:
        raise SystemExit(f"{REFERENCE} is needed as the reference: {missing[REFERENCE]}")
    started = time.perf_counter()
    root = corpus_of(size)
    corpus = markdown_bodies(root, raw=raw)
    hand = [(f"{folder.relative_to(REPO)}/{where}", text)
            for folder in HAND_WRITTEN for where, text in markdown_bodies(folder, raw=raw)]  # fmt: skip
    sample = spread(corpus, most)
    print(f"bodies read in {time.perf_counter() - started:.1f} s", file=sys.stderr)

    started = time.perf_counter()
    cells = construct_cells(made)
    by_hand, in_sample = fidelity(made, hand), fidelity(made, sample)
    print(f"fidelity in {time.perf_counter() - started:.1f} s", file=sys.stderr)
    started = time.perf_counter()
    seconds = speeds(made, [text for _, text in corpus], runs)
    print(f"speed in {time.perf_counter() - started:.1f} s", file=sys.stderr)

    what = "as written (--raw)" if raw else "as `render_body` hands them to the engine"
    print(f"{datetime.date.today().isoformat()}, {machine()}")
    print(f"`{root.name}`: {len(corpus):,} bodies {what}\n")
    print_speeds(seconds, missing, corpus, runs)
    print_constructs(cells, list(made))
    print_uses(hand, sample)
    print_fidelity(by_hand, in_sample, len(hand), len(sample))


def print_speeds(
    seconds: dict[str, float], missing: dict[str, str], corpus: Sequence[Body], runs: int
) -> None:
    megabytes = sum(len(text.encode()) for _, text in corpus) / 1e6
    print(f"{megabytes:.2f} MB (10^6 bytes) of UTF-8, every body converted in turn by each engine:\n")
    print(f"| engine | written in | version | set up | best of {runs} | MB/s | × {REFERENCE} |")
    print("| --- | --- | --- | --- | ---: | ---: | ---: |")
    for engine in ENGINES:
        if engine.name in missing:
            print(f"| {engine.name} | {engine.written_in} | — | {missing[engine.name]} | | | |")
            continue
        spent = seconds[engine.name]
        setup = engine.set_up
        if engine.handed:
            setup += f" ({handed_over(engine, corpus):,} bodies to {REFERENCE})"
        print(f"| {engine.name} | {engine.written_in} | {version_of(engine.package)} | {setup} "
              f"| {spent:.2f} s | {megabytes / spent:.1f} | {seconds[REFERENCE] / spent:.1f} |")  # fmt: skip


def print_constructs(cells: dict[str, dict[str, str]], names: Sequence[str]) -> None:
    print(f"\nEach construct: `=` the same HTML as {REFERENCE} (heading permalinks aside, but in their own")
    print("row), `≈` what the site needs but in other HTML (for the list rows: the list read otherwise),")
    print("`—` not what the site needs.\n")
    print("| construct | " + " | ".join(names) + " |")
    print("| --- |" + " :---: |" * len(names))
    for construct in CONSTRUCTS:
        print(f"| {construct.name} | " + " | ".join(cells[construct.name][name] for name in names) + " |")


def print_uses(hand: Sequence[Body], sample: Sequence[Body]) -> None:
    by_hand, in_sample = uses(hand), uses(sample)
    print(f"\nBodies using each construct, of {len(hand)} hand-written and {len(sample):,} of the corpus:\n")
    print("| construct | hand-written | corpus |\n| --- | ---: | ---: |")
    for construct in CONSTRUCTS:
        name = construct.name
        print(f"| {name} | {percent(by_hand[name], len(hand))} | {percent(in_sample[name], len(sample))} |")


def print_fidelity(
    by_hand: dict[str, Fidelity], in_sample: dict[str, Fidelity], hand: int, sample: int
) -> None:
    print(f"\nWhole bodies whose HTML is the same as {REFERENCE}'s, hand-written / corpus (of {hand} /")
    print(f"{sample:,}):\n")
    print("| engine | " + " | ".join(label for label, _ in LEVELS) + " |")
    print("| --- |" + " ---: |" * len(LEVELS))
    for name, handwritten in by_hand.items():
        pairs = zip(handwritten.same, in_sample[name].same, strict=True)
        print(f"| {name} | " + " | ".join(f"{a} / {b:,}" for a, b in pairs) + " |")
    print("\nThe first body whose HTML differs, heading ids included (permalinks aside), normalized:\n")
    for name in by_hand:
        for results, kind in ((by_hand, "hand-written"), (in_sample, "corpus")):
            first = results[name].first
            if first is not None:
                where, expected, got = first
                print(f"- {name}, {kind}, `{where}`:")
                print(f"  - {REFERENCE}: `` {expected} ``\n  - {name}: `` {got} ``")


if __name__ == "__main__":
    main(sys.argv[1:])
