"""The MkDocs adapter: MkDocs events call the pipeline; nothing here knows the content format.

on_config  → where the content is, which day it is
on_files   → check (errors abort the build), then every page and data file as a virtual file
on_page_context → the page's context for its theme template
on_post_build   → the DOCX downloads (pandoc) and the search index (Pagefind)
"""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import date
from pathlib import Path

from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils.templates import TemplateContext

from generator.build import AS_OF_ENV, CONTENT_ENV, NO_DOCX_ENV
from generator.check import Checked, check_content
from generator.corpus import Entry
from generator.render import data
from generator.render.context import Context, PageContexts, photo_path
from generator.render.docx import DocxError, build_docx
from generator.render.indexes import IndexPages
from generator.render.markdown import page_markdown
from generator.settings import UsageError, as_of_date
from generator.urls import page_source

_HOME_MARKERS = ("latest", "status", "entry-points")


class RegpubConfig(base.Config):
    content = c.Type(str, default="regulations")
    as_of = c.Optional(c.Type(str))
    search = c.Type(bool, default=True)


class RegpubPlugin(BasePlugin[RegpubConfig]):
    """`plugins: [regpub]` in mkdocs.yml.

    `regpub build` and `regpub serve` pass `--content`, `--as-of` and `--no-docx` through the
    REGPUB_* environment variables, so a plain `mkdocs build` takes the very same path.
    """

    def __init__(self) -> None:
        self.content_root = Path("regulations")
        self.as_of = date.today()
        self.docx = True
        self.checked: Checked | None = None
        self.contexts: dict[str, Context] = {}  # virtual page src_uri → its context
        self.index_pages: IndexPages | None = None

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        config_dir = Path(config.config_file_path or ".").resolve().parent
        override = os.environ.get(CONTENT_ENV)
        self.content_root = Path(override) if override else config_dir / self.config.content
        self.docx = not os.environ.get(NO_DOCX_ENV)
        try:
            self.as_of = as_of_date(os.environ.get(AS_OF_ENV) or self.config.as_of)
        except UsageError as error:
            raise PluginError(str(error)) from None
        return config

    def on_files(self, files: Files, config: MkDocsConfig) -> Files:
        root = self.content_root
        if not root.is_dir():
            raise PluginError(f"content folder '{root}' does not exist")
        checked = check_content(root, self.as_of)
        report = checked.report
        if report.has_errors:
            lines = [d.format() for d in report.diagnostics] + [report.summary(checked.files.count)]
            raise PluginError("the content has errors; nothing was built:\n" + "\n".join(lines))
        self.checked = checked
        contexts = PageContexts(checked.corpus, self.as_of, docx=self.docx)
        self.contexts = {}
        by_id: dict[str, Context] = {}
        for entry in checked.corpus.entries:
            assert entry.kind is not None
            context = contexts.for_entry(entry)
            by_id[entry.id] = context
            source = page_source(entry.kind, entry.id)
            self.contexts[source] = context
            files.append(
                File.generated(config, source, content=page_markdown(checked.corpus, entry, context))
            )
            self._add_photos(files, config, entry)
        self.index_pages = IndexPages(contexts)
        for source, markdown in self.index_pages.pages().items():
            files.append(File.generated(config, source, content=markdown))
        self._add_data_files(files, config, contexts, by_id)
        return files

    def _add_photos(self, files: Files, config: MkDocsConfig, entry: Entry) -> None:
        record = entry.record
        for photo in getattr(record, "photos", ()):
            source = entry.path.parent / photo.file.replace("\\", "/")
            target = photo_path(entry, photo.file)
            files.append(File.generated(config, target, abs_src_path=str(source.resolve())))

    def _add_data_files(
        self, files: Files, config: MkDocsConfig, contexts: PageContexts, by_id: dict[str, Context]
    ) -> None:
        documents = {id_: page for id_, page in by_id.items() if page["kind"] in ("regulation", "meeting")}
        files.append(File.generated(config, "catalog.json", content=data.catalog(contexts, documents)))
        files.append(File.generated(config, "register.json", content=data.register_rows(contexts, documents)))
        feed = data.atom_feed(contexts, documents, config.site_url, config.site_name)
        files.append(File.generated(config, "feed.xml", content=feed))
        for id_, page in documents.items():
            files.append(File.generated(config, f"{page['url']}{id_}.json", content=data.to_json(page)))

    def on_page_markdown(self, markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
        """The home page's generated parts: `<!-- regpub:latest -->` and the other markers."""
        if self.index_pages is None or page.file.src_uri != "index.md":
            return markdown
        parts = {
            "latest": self.index_pages.latest("index.md"),
            "status": self.index_pages.status_counts("index.md"),
            "entry-points": self.index_pages.entry_points("index.md"),
        }
        for marker in _HOME_MARKERS:
            markdown = markdown.replace(f"<!-- regpub:{marker} -->", parts[marker])
        return markdown

    def on_page_context(
        self, context: TemplateContext, /, *, page: Page, config: MkDocsConfig, nav: Navigation
    ) -> TemplateContext:
        context["regpub"] = self.contexts.get(page.file.src_uri)  # type: ignore[typeddict-unknown-key]
        return context

    def on_post_build(self, config: MkDocsConfig) -> None:
        site = Path(config.site_dir)
        if self.docx and self.checked is not None:
            try:
                build_docx(self.checked.corpus, self.as_of, site, site_url=config.site_url, progress=True)
            except DocxError as error:
                raise PluginError(f"DOCX downloads failed: {error}") from None
        if self.config.search:
            build_search_index(site)


def build_search_index(site: Path) -> None:
    """Pagefind indexes what the templates mark `data-pagefind-body`, in Russian."""
    command = [sys.executable, "-m", "pagefind", "--site", str(site), "--force-language", "ru", "--silent"]
    command += ["--exclude-selectors", ".headerlink"]  # the "#" permalinks beside headings
    result = subprocess.run(command, capture_output=True, text=True, check=False, env={**os.environ})
    if result.returncode != 0:
        raise PluginError(f"Pagefind failed to index the site:\n{result.stdout}{result.stderr}")
