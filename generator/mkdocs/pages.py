"""regpub's generated pages rendered on every core, with MkDocs' public page pieces.

MkDocs renders one page after another in one process, and the Markdown and templates of
10,000 generated pages are most of a build. So the plugin marks those pages `excluded` (MkDocs
keeps them for links but does not build them) and renders them here, after MkDocs has built
the rest: the same steps and plugin events as MkDocs' own build (`on_pre_page` …
`on_post_page`), in forked worker processes that share the finished navigation and files.
Each page depends only on that shared state, so the output is byte-identical whatever the
number of workers (a test compares 1 and 2).

What is made from a page's HTML (a text's Akoma Ntoso XML) is made by the worker that rendered
it (`FromBody`), so no body is converted twice.

A rendered page is kept in a cache under the digest of everything it is made from (the
site's fingerprint, its Markdown, its context), so a rebuild renders only what changed; a page
that something is made from keeps the HTML of its Markdown beside it. The same digest is the
page's key in the last build into the same folder (`generator.core.reuse`): a page, or a file
made from it, that the last build made from the same key is taken as it is, without reading
the cache.
"""

from __future__ import annotations

import functools
import hashlib
import json
import logging
import os
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from importlib.metadata import entry_points
from pathlib import Path
from types import ModuleType
from typing import Any

import jinja2
from mkdocs.commands.build import get_context
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from generator.core.forks import fork_map
from generator.core.progress import Progress
from generator.core.reuse import Made, Previous
from generator.core.store import Store, installed_version, regpub_files
from generator.doctypes import template_folders
from generator.formats.search import indexed_digest
from generator.mkdocs.log import mkdocs_log

CHUNK = 64  # at most this many pages a worker takes at a time: few round trips, an even end

# Part of every rendered page's cache key: change it when what a key covers changes.
PAGES_FORMAT = "regpub-pages-1"


@dataclass(frozen=True)
class FromBody:
    """A file made from what a page's Markdown became (the HTML of its text, before the
    template), such as a text's XML, by the worker that has that HTML."""

    paths: Mapping[str, str]  # the src_uri of a page → the site path of the file made from it
    key: Callable[[str, str], str]  # (the page's key, the file's path) → the file's key
    make: Callable[[File, str, str], Made]  # (the page, its HTML, the file's key) → the file written


@dataclass(frozen=True, slots=True)
class RenderedPage:
    html: str  # the page as written
    body: str  # its Markdown as HTML (MkDocs' `page.content` before other plugins change it)


@dataclass(frozen=True, slots=True)
class Rendered:
    rendered: int  # pages rendered
    cached: int  # pages that came from the cache
    taken: int  # pages (and the files made from them) taken as the last build left them
    made: dict[str, Made]  # every page and file written or taken: its key and what was said of it
    warnings: list[str]  # what MkDocs warned about in other processes (they printed it too)

    def __add__(self, other: Rendered) -> Rendered:
        return Rendered(
            self.rendered + other.rendered, self.cached + other.cached, self.taken + other.taken,
            self.made | other.made, self.warnings + other.warnings,
        )  # fmt: skip

    def brief(self) -> str:
        taken = f", {self.taken} as built before" if self.taken else ""
        return f"pages: {self.rendered} rendered, {self.cached} from the cache{taken}"


@dataclass(frozen=True)
class PageCache:
    """Rendered pages by the digest of what they are made from."""

    # Its version is what every page depends on (`site_fingerprint`): versions, mkdocs.yml,
    # docs/, the theme folders.
    store: Store
    describe: Callable[[File], str]  # what one page depends on: its Markdown and its context
    known: Mapping[str, str] = field(default_factory=dict)  # src_uri → the key of a page made alike before

    def key(self, file: File) -> str:
        known = self.known.get(file.src_uri)
        return known if known is not None else self.store.key(file.src_uri, self.describe(file))

    @staticmethod
    def body_key(key: str) -> str:
        """Where the HTML of a page's Markdown is kept beside the page under `key`."""
        return f"{key}-body"


@dataclass(frozen=True)
class _Shared:
    """What every worker reads: inherited through fork (`generator.core.forks`), never pickled."""

    config: MkDocsConfig
    files: Files
    doc_files: Sequence[File]
    nav: Navigation
    env: jinja2.Environment
    pages: Sequence[File]
    cache: PageCache | None
    from_body: FromBody | None
    previous: Previous | None
    noted: Callable[[str, Made], Made] | None  # a page's Made with what making its Markdown read
    finished: Callable[[File], None] | None  # told when a page is written: what it was made from may go
    parent: int  # the process id of the one that renders with workers


def render_pages(
    pages: Sequence[File],
    *,
    config: MkDocsConfig,
    files: Files,
    nav: Navigation,
    env: jinja2.Environment,
    jobs: int,
    cache: PageCache | None = None,
    progress: bool = False,
    from_body: FromBody | None = None,
    previous: Previous | None = None,
    noted: Callable[[str, Made], Made] | None = None,
    finished: Callable[[File], None] | None = None,
) -> Rendered:
    """Render and write `pages` and the files `from_body` makes from them, or keep them as
    `previous` left them; `noted` adds to what is said of each page what making its Markdown
    read, in the worker that made it; `finished` is told of each page handled there, so that what it
    was made from can go. An exception in any page (a template error) is raised here."""
    shared = _Shared(
        config, files, files.documentation_pages(), nav, env, pages, cache, from_body, previous, noted,
        finished, os.getpid(),
    )  # fmt: skip
    rendered = _as_before(shared)  # most of a rebuild: no worker needed
    if rendered.taken:
        pages = [file for file in pages if file.dest_uri not in rendered.made]
        shared = replace(shared, pages=pages)
    bar = Progress(len(pages), "Pages", enabled=progress)
    size = max(1, min(CHUNK, len(pages) // (jobs * 4)))
    chunks = [range(start, min(start + size, len(pages))) for start in range(0, len(pages), size)]
    try:
        for chunk, done in fork_map(functools.partial(_render_chunk, shared), chunks, jobs):
            rendered += done
            for _ in chunk:
                bar.advance()
    finally:
        bar.close()
    if cache is not None:
        cache.store.prune()
    return rendered


def _render_chunk(shared: _Shared, indexes: range) -> tuple[range, Rendered]:
    """Write the pages of one chunk."""
    done = Rendered(0, 0, 0, {}, [])
    with mkdocs_log(logging.WARNING, below=logging.ERROR) as warned:
        for index in indexes:
            file = shared.pages[index]
            how = _write_page(shared, file, done.made)
            done = replace(done, **{how: getattr(done, how) + 1})
            file.page = None  # MkDocs' page: its Markdown, HTML and contents, no longer needed
            if shared.finished is not None:
                shared.finished(file)
    return indexes, replace(done, warnings=warned if os.getpid() != shared.parent else [])


def _as_before(shared: _Shared) -> Rendered:
    """The pages whose keys are known without making them (`PageCache.known`) and which, with
    the file made from each, are as the last build left them."""
    cache, previous = shared.cache, shared.previous
    made: dict[str, Made] = {}
    pages = 0
    if cache is None or previous is None:
        return Rendered(0, 0, 0, made, [])
    for file in shared.pages:
        if file.src_uri not in cache.known:
            continue
        _, outputs, _ = _outputs(shared, file)
        kept = {path: as_before for path, key in outputs.items() if (as_before := previous.keep(path, key))}
        if len(kept) == len(outputs):
            made |= kept
            pages += 1
    return Rendered(0, 0, pages, made, [])


def _outputs(shared: _Shared, file: File) -> tuple[str, dict[str, str], str | None]:
    """(the page's key, {each file written for it: its key}, the file made from its HTML)."""
    cache, from_body = shared.cache, shared.from_body
    key = cache.key(file) if cache is not None else ""
    outputs = {file.dest_uri: key}
    derived = from_body.paths.get(file.src_uri) if from_body is not None else None
    if from_body is not None and derived is not None:
        outputs[derived] = from_body.key(key, derived) if key else ""
    return key, outputs, derived


def _write_page(shared: _Shared, file: File, made: dict[str, Made]) -> str:
    """Write one page and the file made from it: kept as the last build left them, from the
    cache or rendered; which of the three (a field of `Rendered`)."""
    cache, from_body = shared.cache, shared.from_body
    key, outputs, derived = _outputs(shared, file)
    if shared.previous is not None:
        for path, output_key in outputs.items():
            if (as_before := shared.previous.keep(path, output_key)) is not None:
                made[path] = as_before
    wanted = [path for path in outputs if path not in made]
    if not wanted:
        return "taken"
    kept = _kept(cache, key, page=file.dest_uri in wanted, body=derived in wanted)
    how = "cached"
    if kept is None:
        page = render_page(
            file, config=shared.config, files=shared.files, doc_files=shared.doc_files, nav=shared.nav,
            env=shared.env,
        )  # fmt: skip
        kept = page.html.encode("utf-8", errors="xmlcharrefreplace") if page.html.strip() else b"", page.body
        how = "rendered"
        if cache is not None:
            cache.store.write(key, kept[0])
            if derived is not None:
                cache.store.write(PageCache.body_key(key), kept[1].encode("utf-8"))
    data, body = kept
    if file.dest_uri in wanted and data:
        path = file.abs_dest_path
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "wb") as written:
            written.write(data)
        said = Made(key, indexed_digest(data))  # what the search index reads of it
        made[file.dest_uri] = shared.noted(file.dest_uri, said) if shared.noted else said
    if from_body is not None and derived in wanted:
        made[derived] = from_body.make(file, body, outputs[derived])
    return how


def _kept(cache: PageCache | None, key: str, *, page: bool, body: bool) -> tuple[bytes, str] | None:
    """(the page when `page`, the HTML of its Markdown when `body`) from the cache (empty when
    not asked for); None when not all of it is there."""
    if cache is None:
        return None
    data = cache.store.read(key) if page else b""
    kept = cache.store.read(PageCache.body_key(key)) if body and data is not None else b""
    return None if data is None or kept is None else (data, kept.decode("utf-8"))


def render_page(
    file: File,
    *,
    config: MkDocsConfig,
    files: Files,
    doc_files: Sequence[File],
    nav: Navigation,
    env: jinja2.Environment,
) -> RenderedPage:
    """One page: MkDocs' `_populate_page` and `_build_page`, through public APIs only."""
    plugins = config.plugins
    # The plugin marks its pages `excluded` only to keep them out of MkDocs' own loop; rendered
    # here they are built pages, so a broken link in a body is a warning, as on any page.
    if file.inclusion is InclusionLevel.EXCLUDED:
        file.inclusion = InclusionLevel.NOT_IN_NAV
    page = file.page or Page(None, file, config)
    page = plugins.on_pre_page(page, config=config, files=files)
    page.read_source(config)
    page.markdown = plugins.on_page_markdown(page.markdown or "", page=page, config=config, files=files)
    page.render(config, files)
    body = page.content or ""
    page.content = plugins.on_page_content(body, page=page, config=config, files=files)
    page.active = True
    context = get_context(nav, doc_files, config, page)
    template = env.get_template(page.meta.get("template", "main.html"))
    context = plugins.on_page_context(context, page=page, config=config, nav=nav)
    output = template.render(context)
    page.active = False
    return RenderedPage(plugins.on_post_page(output, page=page, config=config) or "", body)


def site_fingerprint(config: MkDocsConfig) -> str:
    """What every page of the site depends on: the programs' versions, mkdocs.yml (with the
    site URL it was given), the hand-written pages (they make the nav), the editor's templates
    and regpub's own files (code and templates: a change there without a new version too)."""
    digest = hashlib.sha256(PAGES_FORMAT.encode())
    for name in ("regpub", "mkdocs", "mkdocs-material", "markdown", "pymdown-extensions", "jinja2"):
        digest.update(f"\n{name} {installed_version(name)}".encode())
    # Any installed MkDocs plugin or theme may change pages through its events; a document type
    # a package adds, through its page and template.
    for group in ("mkdocs.plugins", "mkdocs.themes", "regpub.doctypes"):
        for point in sorted(entry_points(group=group), key=lambda point: point.name):
            digest.update(f"\n{point.name} {point.dist.version if point.dist else ''}".encode())
    digest.update(Path(config.config_file_path or "mkdocs.yml").read_bytes())
    digest.update(_settings_shown(config).encode())
    hooks: Mapping[str, ModuleType] = config.hooks  # type: ignore[assignment]  # a mapping at run time
    for hook in hooks.values():  # hooks: Python files named in mkdocs.yml
        digest.update(Path(hook.__file__).read_bytes() if hook.__file__ else b"")
    # Material's and MkDocs' own templates are named by their versions above; regpub's by the
    # digest of its whole package (its templates are in generator/resources, not beside this file).
    digest.update(regpub_files().encode())
    added = [str(folder) for folder in template_folders()]
    for folder in [config.docs_dir, config.theme.custom_dir, *added]:
        if folder is None:
            continue
        for path in sorted(Path(folder).rglob("*")):
            if path.is_file() and "__pycache__" not in path.parts:
                digest.update(f"\n{path.relative_to(folder).as_posix()}\n".encode() + path.read_bytes())
    return digest.hexdigest()


def _settings_shown(config: MkDocsConfig) -> str:
    """The settings pages show, as resolved: what `!ENV`, INHERIT and the command line gave."""
    keys = ("site_name", "site_url", "site_description", "site_author", "copyright", "repo_url",
            "repo_name", "edit_uri", "use_directory_urls", "extra", "nav", "extra_css",
            "markdown_extensions")  # fmt: skip
    shown: dict[str, Any] = {key: config.get(key) for key in keys}
    shown["theme"] = {key: config.theme[key] for key in config.theme}
    shown["extra_javascript"] = [str(script) for script in config.extra_javascript]
    return json.dumps(shown, sort_keys=True, ensure_ascii=False, default=str)
