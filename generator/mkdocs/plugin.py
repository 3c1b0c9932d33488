"""The MkDocs adapter: MkDocs events call the pipeline; nothing here knows the content format.

on_config  → where the content is, which day it is; regpub's templates in front of Material's,
             its styles, scripts and Markdown extensions, a nav when mkdocs.yml has none
on_files   → check (errors abort the build), then the build's outputs (formats/outputs.py:
             the plan, the DOCX and PDF downloads), every planned page and file as a virtual
             file, but the XML and SHA256SUMS
on_page_context → the page's record for its theme template (`regpub`)
on_post_build   → the generated pages, on every core (mkdocs/pages.py), each text's XML from
                  its page, SHA256SUMS, the sitemap, then the search index (Pagefind)
"""

from __future__ import annotations

import functools
import logging
import tempfile
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from typing import Any

import jinja2
from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.config.base import ConfigErrors, ConfigWarnings, ValidationError
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import ConfigurationError, PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils.templates import TemplateContext

from generator.content.check import Checked, check_content
from generator.content.settings import as_of_date
from generator.core import labels
from generator.core.errors import DocxError, SearchError, UsageError
from generator.core.forks import worker_count
from generator.core.inputs import Inputs
from generator.core.reads import recording
from generator.core.reuse import Made, Previous
from generator.core.store import Store, installed_version, write_atomically
from generator.doctypes import records, template_folders
from generator.doctypes.sections import TEXT
from generator.formats.akn.naming import DEFAULT_COUNTRY, valid_country
from generator.formats.files import SiteRenderer, sha256
from generator.formats.outputs import Settings, make_outputs
from generator.formats.search import PART_PAGES, SitePages, build_search_index, search_store, site_pages
from generator.mkdocs.around import default_nav, on_terminal, search_progress, write_sitemap
from generator.mkdocs.known import Generated, Known
from generator.mkdocs.pages import FromBody, PageCache, render_pages, site_fingerprint
from generator.mkdocs.toc import page_toc
from generator.mkdocs.valid_html import valid_html
from generator.mkdocs.xml_keys import AKN_FORMAT, XmlKeys
from generator.resources import SEARCH_JS, SITE_CSS, SITE_JS, docx_theme, site_theme
from generator.site.indexes import IndexPages
from generator.site.markdown import MARKDOWN_EXTENSIONS, toc_settings
from generator.site.plan import CHECKSUMS, SitePlan

log = logging.getLogger("mkdocs.plugins.regpub")

_HOME_MARKERS = ("latest", "status", "entry-points")


class RegpubConfig(base.Config):
    content = c.Type(str, default="regulations")
    as_of = c.Optional(c.Type(str))
    search = c.Type(bool, default=True)
    # Pages per part of the search index: Pagefind needs about 0.2 MB a page while indexing.
    search_part_pages = c.Type(int, default=PART_PAGES)
    # The DOCX whose page and styles every download takes (an editor's letterhead), relative to
    # mkdocs.yml; default: regpub's GOST R 7.0.97-2016 layout.
    reference_docx = c.Optional(c.File(exists=True))
    jobs = c.Optional(c.Type(int))  # processes rendering the generated pages; default: one per core
    # Links from a page's "last changed" line, e.g.
    # https://github.com/ORG/REPO/commit/{commit} and https://github.com/ORG/REPO/commits/main/{path}
    commit_url = c.Optional(c.Type(str))
    history_url = c.Optional(c.Type(str))
    # The country in the documents' Akoma Ntoso FRBR URIs (/akn/ru/act/…): ISO 3166-1 alpha-2.
    country = c.Type(str, default=DEFAULT_COUNTRY)


@dataclass(frozen=True, slots=True)
class Given:
    """What `regpub build` and `regpub serve` hand the plugin before MkDocs runs it (`--content`,
    `--as-of`, `--no-docx`), with the content they checked already, so that a build reads it
    once. A plain `mkdocs build` gives nothing: the plugin's options say the same."""

    content: Path
    as_of: date
    docx: bool = True
    checked: Checked | None = None
    previous: Previous | None = None  # the output folder as the last build left it


class RegpubPlugin(BasePlugin[RegpubConfig]):
    """`plugins: [regpub]` in mkdocs.yml; `regpub build` and `regpub serve` set `given`."""

    def __init__(self) -> None:
        self.content_root = Path("regulations")
        self.as_of = date.today()
        self.docx = True
        self.given: Given | None = None
        self.index_pages: IndexPages | None = None
        self._docx_folder: tempfile.TemporaryDirectory[str] | None = None
        self.jobs = 1
        self.serving = False  # `mkdocs serve`: MkDocs renders every page itself, as drafts would be
        self.plan: SitePlan | None = None
        self.renderer: SiteRenderer | None = None
        self._bodies: dict[str, str] = {}  # `mkdocs serve`: the HTML of the pages XML is made from
        self._nav: Navigation | None = None
        self.report: list[str] = []  # what the build did, for `regpub build` to say
        self.warnings: list[str] = []  # what MkDocs warned about in the pages' workers
        self.made: dict[str, Made] = {}  # what the generated pages and their XML were made from
        self.kept: list[str] = []  # other files left in the output folder as the last build left them
        self.records: dict[str, records.Page] = {}  # the preview's pages: what their templates show
        self.generated: Generated | None = None  # the generated pages and data files
        self.fingerprint = ""  # `site_fingerprint`
        self._built: tuple[Files, Navigation, jinja2.Environment] | None = None

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.serving = command == "serve"

    def load_config(
        self, options: dict[str, Any], config_file_path: str | None = None
    ) -> tuple[ConfigErrors, ConfigWarnings]:
        """An unknown option is an error, not a warning: a misspelt `contnet` must not be ignored."""
        errors, warnings = super().load_config(options, config_file_path)
        return [*errors, *((key, ValidationError(message)) for key, message in warnings)], []

    def check_setup(self, config: MkDocsConfig) -> None:
        """What mkdocs.yml and the environment must say for regpub to build, checked before any
        work (`regpub build` asks before it reads the content); raises ConfigurationError."""
        if config.theme.name != "material":
            raise ConfigurationError(
                f"regpub needs Material for MkDocs: set `theme: {{name: material, language: ru}}` "
                f"in {Path(config.config_file_path or 'mkdocs.yml').name} (it names {config.theme.name!r})"
            )
        self._check_options()
        try:
            worker_count(self.config.jobs)
        except ValueError as error:
            raise ConfigurationError(str(error)) from None

    def _check_options(self) -> None:
        for option in ("commit_url", "history_url"):
            pattern = getattr(self.config, option)
            try:
                if pattern:
                    pattern.format(commit="0", path="x")
            except (KeyError, IndexError, ValueError) as error:
                raise ConfigurationError(
                    f"the regpub plugin's {option} '{pattern}' may use only {{commit}} and {{path}} ({error})"
                ) from None
        if not valid_country(country := self.config.country):
            raise ConfigurationError(
                f"the regpub plugin's country '{country}' is not an ISO 3166-1 code in lower case "
                "such as 'ru' (or with a region, 'ru-mow'): it names the country in Akoma Ntoso URIs"
            )
        if (pages := self.config.search_part_pages) < 1:
            raise ConfigurationError(f"the regpub plugin's search_part_pages must be 1 or more, not {pages}")

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        """Raises ConfigurationError for a set-up regpub cannot build (`regpub build` exits 2)."""
        config_dir = Path(config.config_file_path or ".").resolve().parent
        self.report, self.warnings, self.made, self.kept = [], [], {}, []
        given = self.given
        self.content_root = given.content if given else config_dir / self.config.content
        self.docx = given.docx if given else True
        try:
            self.as_of = given.as_of if given else as_of_date(self.config.as_of)
            templates = site_theme()
            if self.docx:
                docx_theme()
        except UsageError as error:
            raise ConfigurationError(str(error)) from None
        self.check_setup(config)
        self.jobs = worker_count(self.config.jobs)
        if not self.content_root.is_dir():
            raise ConfigurationError(
                f"content folder '{self.content_root}' does not exist (the regpub plugin's `content` option)"
            )
        # An editor's custom_dir stays first, so any regpub template can be overridden there;
        # after regpub's, the templates of document types that packages add.
        first = 1 if config.theme.custom_dir else 0
        added = [str(folder) for folder in template_folders()]
        config.theme.dirs[first:first] = [str(templates), *added]
        config.extra_css.extend(css for css in SITE_CSS if css not in config.extra_css)
        listed = {str(script) for script in config.extra_javascript}
        for path in (*SITE_JS, *(SEARCH_JS if self.config.search else ())):
            if path not in listed:
                script = c.ExtraScriptValue(path)
                script.defer = True
                config.extra_javascript.append(script)
        config.markdown_extensions.extend(
            name for name in MARKDOWN_EXTENSIONS if name not in config.markdown_extensions
        )
        config.mdx_configs.setdefault("toc", toc_settings())
        if config.nav is None:
            config.nav = default_nav(Path(config.docs_dir))
        if any(name in config.plugins for name in ("search", "material/search")):
            log.warning(
                "the search plugin is not needed with regpub, which indexes the whole site with "
                "Pagefind; it would miss the pages regpub renders on other cores: remove it from plugins"
            )
        return config

    def on_files(self, files: Files, config: MkDocsConfig) -> Files:
        root = self.content_root
        checked = self.given.checked if self.given else None
        if self.given is not None:  # used once: a later build (`mkdocs serve`) reads the files again
            self.given = replace(self.given, checked=None)
        if checked is None or checked.corpus.root.resolve() != root.resolve() or checked.as_of != self.as_of:
            # `mkdocs serve` builds beside its server's threads: no forking there.
            checked = check_content(root, self.as_of, jobs=1 if self.serving else self.jobs)
        report = checked.report
        if report.has_errors:
            lines = [d.format() for d in report.diagnostics] + [report.summary(checked.files.count)]
            raise PluginError("the content has errors; nothing was built:\n" + "\n".join(lines))
        if self.docx:
            self._docx_folder = tempfile.TemporaryDirectory(prefix="regpub-docx-")
        downloads = Path(self._docx_folder.name) if self._docx_folder else None
        try:
            outputs = make_outputs(checked, self.settings(config), downloads=downloads)
        except DocxError as error:
            raise PluginError(f"DOCX and PDF downloads failed: {error}") from None
        self.report.extend(outputs.report)
        self.index_pages, self.plan, self.renderer = outputs.indexes, outputs.plan, outputs.renderer
        self._bodies = {}
        self.fingerprint = site_fingerprint(config)
        previous = self.given.previous if self.given and not self.serving else None
        self.generated = Generated(outputs, Known(
            previous, Inputs(checked.corpus, self.as_of, beside=outputs.renderer.beside),
            f"{self.fingerprint}\ndocx={self.docx}\n{AKN_FORMAT} lxml {installed_version('lxml')}",
        ))  # fmt: skip
        # Records and texts are reached from lists and the register, never from the sidebar;
        # `excluded` keeps them out of MkDocs' one-process loop: on_post_build renders them.
        aside = InclusionLevel.NOT_IN_NAV if self.serving else InclusionLevel.EXCLUDED
        self.generated.add_pages(files, config, aside)
        for path, made in outputs.downloads.items():
            files.append(File.generated(config, path, abs_src_path=str(made)))
        self.generated.add_files(files, config)
        return files

    def settings(self, config: MkDocsConfig) -> Settings:
        """What mkdocs.yml says about the outputs (the preview asks too)."""
        return Settings(
            config.site_url, config.site_name, self.config.country,
            Path(self.config.reference_docx) if self.config.reference_docx else None,
            self.config.commit_url, self.config.history_url,
        )  # fmt: skip

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
        src_uri = page.file.src_uri
        regpub = self.records.get(src_uri) or (self.generated.record(src_uri) if self.generated else None)
        context["regpub"] = regpub  # type: ignore[typeddict-unknown-key]
        context["regpub_sections"] = labels.SECTIONS  # type: ignore[typeddict-unknown-key]
        if page.meta.get("template", "").startswith("regpub-"):
            shown = regpub.sections if regpub else (TEXT,)
            page.toc = page_toc(page.title or "", page.toc, shown)
        return context

    @event_priority(100)  # the HTML of the Markdown as MkDocs made it, before other plugins change it
    def on_page_content(self, html: str, /, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        """`mkdocs serve` renders every page itself: keep the HTML the XML files are made from."""
        if self.serving and self.plan is not None and page.file.src_uri in self.plan.xml_by_md:
            self._bodies[page.file.src_uri] = html
        return html

    def on_post_page(self, output: str, /, *, page: Page, config: MkDocsConfig) -> str:
        return valid_html(output)

    def on_post_template(self, output_content: str, /, *, template_name: str, config: MkDocsConfig) -> str:
        return valid_html(output_content) if template_name.endswith(".html") else output_content

    def on_env(self, env: jinja2.Environment, /, *, config: MkDocsConfig, files: Files) -> jinja2.Environment:
        assert self._nav is not None  # on_nav comes first
        self._built = (files, self._nav, env)
        return env

    def on_nav(self, nav: Navigation, /, *, config: MkDocsConfig, files: Files) -> Navigation:
        self._nav = nav
        return nav

    @event_priority(100)  # before other plugins' post_build: they may want every page written
    def on_post_build(self, config: MkDocsConfig) -> None:
        self._drop_docx_folder()
        generated = self.generated
        if self.plan is not None and self._built is not None and self.renderer is not None and generated:
            files, nav, env = self._built
            xml: dict[str, str] = {}
            if self.serving:
                for md, body in self._bodies.items():
                    xml[self.plan.xml_by_md[md].path] = self._write_xml(
                        config, files.src_uris[md], body, ""
                    ).note
            else:
                pages = [files.src_uris[page.md] for page in self.plan.pages if not page.in_nav]
                store = Store.area("pages", self.fingerprint, suffix=".html")
                xml_pages = {
                    planned.path: files.src_uris[md].dest_uri for md, planned in self.plan.xml_by_md.items()
                }
                from_body = FromBody(
                    {md: planned.path for md, planned in self.plan.xml_by_md.items()},
                    XmlKeys(
                        self.renderer,
                        self.plan,
                        config.site_url,
                        self.as_of,
                        known=generated.known,
                        pages=xml_pages,
                    ),
                    functools.partial(self._write_xml, config),
                )
                rendered = render_pages(
                    pages, config=config, files=files, nav=nav, env=env, jobs=self.jobs,
                    cache=PageCache(store, generated.describe, generated.keys), progress=on_terminal(),
                    from_body=from_body, noted=generated.known.noted, finished=generated.forget,
                    previous=self.given.previous if self.given else None,
                )  # fmt: skip
                self.made = {path: generated.known.noted(path, made) for path, made in rendered.made.items()}
                data = generated.data_files(Path(config.site_dir))
                self.made |= data
                xml = {path: rendered.made[path].note for path in from_body.paths.values()}
                xml |= {path: made.note for path, made in data.items()}
                self.warnings.extend(rendered.warnings)
                self.report.append(rendered.brief())
                write_sitemap(Path(config.site_dir), config.site_url, [*files.documentation_pages(), *pages])
            generated.close()
            checksums = self.renderer.checksums(xml)
            write_atomically(Path(config.site_dir) / CHECKSUMS, checksums.encode("utf-8"))
        if self.config.search:
            try:
                site = Path(config.site_dir)
                search = build_search_index(
                    site, search_store(), pages=self._pages(site), part_pages=self.config.search_part_pages,
                    jobs=self.jobs, progress=search_progress if on_terminal() else None,
                )  # fmt: skip
            except SearchError as error:
                raise PluginError(str(error)) from None
            self.report.append(search.brief())
            self.kept = search.kept

    def _pages(self, site: Path) -> SitePages:
        """The site's HTML pages: those this build wrote, and those it kept in the output folder."""
        pages = site_pages(site)
        previous = self.given.previous if self.given else None
        if previous is not None:
            kept = (path for path in self.made if path.endswith(".html") and path not in pages)
            pages |= {path: previous.folder / path for path in kept}
        indexed = {path: it.note for path, it in self.made.items() if path.endswith(".html") and it.note}
        return SitePages(pages, indexed, previous.folder if previous is not None else None)

    def _write_xml(self, config: MkDocsConfig, page: File, body: str, key: str) -> Made:
        """Write the XML of the text on `page`, made from the HTML of its Markdown, `body`, under
        `key`: with its SHA-256 and what it read of the corpus."""
        assert self.plan is not None
        assert self.renderer is not None
        planned = self.plan.xml_by_md[page.src_uri]
        with recording() as reads:
            text = self.renderer.akn(planned, body)
        write_atomically(Path(config.site_dir) / planned.path, text.encode("utf-8"))
        digest = self.generated.known.digest(reads) if self.generated else None
        return Made(key, sha256(text), reads.encode() if digest else "", digest or "")

    def on_build_error(self, error: Exception) -> None:
        self._drop_docx_folder()

    def _drop_docx_folder(self) -> None:
        if self._docx_folder is not None:
            self._docx_folder.cleanup()
            self._docx_folder = None
