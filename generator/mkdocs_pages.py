"""regpub's generated pages rendered on every core, with MkDocs' public page pieces.

MkDocs renders one page after another in one process, and the Markdown and templates of
10,000 generated pages are most of a build. So the plugin marks those pages `excluded` (MkDocs
keeps them for links but does not build them) and renders them here, after MkDocs has built
the rest: the same steps and plugin events as MkDocs' own build (`on_pre_page` …
`on_post_page`), in forked worker processes that share the finished navigation and files.
Each page depends only on that shared state, so the output is byte-identical whatever the
number of workers (a test compares 1 and 2).
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Sequence
from dataclasses import dataclass

import jinja2
from mkdocs.commands.build import get_context
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from generator.progress import Progress

JOBS_ENV = "REGPUB_JOBS"
CHUNK = 64  # at most this many pages a worker takes at a time: few round trips, an even end


@dataclass(frozen=True)
class _Shared:
    """What every worker reads: inherited through fork, never pickled."""

    config: MkDocsConfig
    files: Files
    doc_files: Sequence[File]
    nav: Navigation
    env: jinja2.Environment
    pages: Sequence[File]


# Set before the workers fork, so each inherits it; a dict, so no `global` is needed.
_SHARED: dict[str, _Shared] = {}


def worker_count(configured: int | None) -> int:
    """`REGPUB_JOBS`, else the plugin's `jobs`, else one per core."""
    explicit = os.environ.get(JOBS_ENV)
    if explicit:
        return max(1, int(explicit))
    return max(1, configured or os.cpu_count() or 1)


def render_pages(
    pages: Sequence[File],
    *,
    config: MkDocsConfig,
    files: Files,
    nav: Navigation,
    env: jinja2.Environment,
    jobs: int,
    progress: bool = False,
) -> None:
    """Render and write `pages`; an exception in any page (a template error) is raised here."""
    _SHARED["job"] = _Shared(config, files, files.documentation_pages(), nav, env, pages)
    bar = Progress(len(pages), "Страницы", enabled=progress)
    size = max(1, min(CHUNK, len(pages) // (jobs * 4)))
    chunks = [range(start, min(start + size, len(pages))) for start in range(0, len(pages), size)]
    try:
        if jobs == 1 or len(chunks) < 2 or "fork" not in multiprocessing.get_all_start_methods():
            for chunk in chunks:
                _render_chunk(chunk)
                for _ in chunk:
                    bar.advance()
            return
        with multiprocessing.get_context("fork").Pool(min(jobs, len(chunks))) as pool:
            for done in pool.imap_unordered(_render_chunk, chunks):
                for _ in range(done):
                    bar.advance()
    finally:
        bar.close()
        _SHARED.clear()


def _render_chunk(indexes: range) -> int:
    shared = _SHARED["job"]
    for index in indexes:
        file = shared.pages[index]
        output = render_page(
            file, config=shared.config, files=shared.files, doc_files=shared.doc_files, nav=shared.nav,
            env=shared.env,
        )  # fmt: skip
        if output.strip():
            path = file.abs_dest_path
            os.makedirs(os.path.dirname(path), exist_ok=True)
            with open(path, "wb") as written:
                written.write(output.encode("utf-8", errors="xmlcharrefreplace"))
    return len(indexes)


def render_page(
    file: File,
    *,
    config: MkDocsConfig,
    files: Files,
    doc_files: Sequence[File],
    nav: Navigation,
    env: jinja2.Environment,
) -> str:
    """One page's HTML: MkDocs' `_populate_page` and `_build_page`, through public APIs only."""
    plugins = config.plugins
    page = file.page or Page(None, file, config)
    page = plugins.on_pre_page(page, config=config, files=files)
    page.read_source(config)
    page.markdown = plugins.on_page_markdown(page.markdown or "", page=page, config=config, files=files)
    page.render(config, files)
    page.content = plugins.on_page_content(page.content or "", page=page, config=config, files=files)
    page.active = True
    context = get_context(nav, doc_files, config, page)
    template = env.get_template(page.meta.get("template", "main.html"))
    context = plugins.on_page_context(context, page=page, config=config, nav=nav)
    output = template.render(context)
    page.active = False
    return plugins.on_post_page(output, page=page, config=config) or ""
