"""`regpub serve`: a preview that renders each page on request from the corpus in memory.

Why not `mkdocs serve`: it rebuilds the whole site on every save (minutes at 10,000 pages).
Here a save re-reads only the saved file, re-links the corpus and re-runs the corpus checks;
pages are rendered when the browser asks for them, with MkDocs' own page and theme machinery.
While the content has errors, every page is the list of them, with file, line and column;
the open page reloads itself when the content changes, so fixing the file clears it.
"""

from __future__ import annotations

import html
import http.server
import mimetypes
import sys
import threading
import time
import traceback
from datetime import date
from functools import cached_property
from pathlib import Path
from urllib.parse import unquote, urlsplit

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import ConfigurationError
from mkdocs.structure.files import File, Files, get_files
from mkdocs.structure.nav import Navigation, get_navigation

from generator.app.build import regpub_plugin, site_config
from generator.content.load import LoadedFile, link, load_file
from generator.content.provenance import last_changes
from generator.content.sources import discover
from generator.content.state import FileState
from generator.content.validate import check_corpus
from generator.core import labels
from generator.core.diagnostics import Report
from generator.core.errors import RegpubError, UsageError
from generator.formats.files import SiteRenderer, sha256
from generator.formats.outputs import decorator
from generator.mkdocs.pages import RenderedPage, render_page
from generator.mkdocs.plugin import Given
from generator.site.context import PageContexts
from generator.site.indexes import IndexPages
from generator.site.plan import FileKind, PlannedFile, plan_site

_DATA_TYPES = {".json": "application/json", ".xml": "application/atom+xml"}
# The preview reloads itself when the content changes.
RELOAD_SCRIPT = """<script>
(function () {
  let seen = null;
  async function poll() {
    try {
      const version = await (await fetch("/__regpub/version", {cache: "no-store"})).text();
      if (seen !== null && version !== seen) location.reload();
      seen = version;
    } catch (error) { /* the server restarts: keep polling */ }
    setTimeout(poll, 700);
  }
  poll();
})();
</script>"""


class ContentState:
    """The corpus, kept up to date file by file: a file whose time of change moved is loaded
    again (from the build state when its bytes are ones it has seen)."""

    def __init__(self, root: Path, as_of: date) -> None:
        self.root = root
        self.as_of = as_of
        self.state = FileState()
        self.loaded: dict[Path, tuple[float, LoadedFile]] = {}
        self.refresh()

    def refresh(self) -> bool:
        """Re-read what changed on disk; True when anything did."""
        files = discover(self.root)
        paths = [*files.registries, *files.documents]
        changed = set(self.loaded) - set(paths)
        for path in changed:
            del self.loaded[path]
        for path in paths:
            try:
                mtime = path.stat().st_mtime
            except OSError:
                continue
            if path in self.loaded and self.loaded[path][0] == mtime:
                continue
            self.loaded[path] = (mtime, load_file(path, files, self.state))
            changed.add(path)
        self.state.flush()
        if changed or not hasattr(self, "corpus"):
            self._link()
        return bool(changed)

    def _link(self) -> None:
        ordered = [loaded for _, (_, loaded) in sorted(self.loaded.items(), key=_registries_first)]
        self.corpus = link(self.root, ordered)
        self.report = Report()
        for loaded in ordered:
            loaded.report_to(self.report)
        check_corpus(self.corpus, self.as_of, self.report)


def _registries_first(item: tuple[Path, object]) -> tuple[bool, str]:
    return item[0].suffix != ".yml", str(item[0])


class PreviewSite:
    """Renders the site's pages one at a time, on request."""

    def __init__(self, config_file: Path, content: Path, as_of: date) -> None:
        config = site_config(config_file, Given(content.resolve(), as_of, docx=False))
        # No search index in the preview, so no search button either.
        config.plugins["regpub"].config.search = False
        try:
            self.config: MkDocsConfig = config.plugins.on_config(config)
        except ConfigurationError as error:
            raise UsageError(f"{config_file}: {error}") from None
        self.plugin = plugin = regpub_plugin(self.config)
        self.env = self.config.theme.get_env()
        self.lock = threading.Lock()
        self.state = ContentState(content, as_of)
        # Each page's "last changed" line, as published: commits, not saves, change it, so the
        # history is read once (a restart shows commits made meanwhile).
        self.decorate = decorator(plugin.settings(self.config), last_changes(content), {})
        # docs/ and the theme are read on every request; watching them only tells browsers to reload.
        theme = self.config.theme.custom_dir
        self._site_folders = [Path(self.config.docs_dir), *([Path(theme)] if theme else [])]
        self._site_files = _signature(self._site_folders)
        self.version = 1
        self._generation = _Generation(self)

    def refresh(self) -> None:
        with self.lock:
            content_changed = self.state.refresh()
            site_files = _signature(self._site_folders)
            if content_changed or site_files != self._site_files:
                self._site_files = site_files
                self.version += 1
                self._generation = _Generation(self)

    def respond(self, path: str) -> tuple[int, str, bytes]:
        """(status, content type, body) for a URL path."""
        if path == "/__regpub/version":
            return 200, "text/plain", str(self.version).encode()
        with self.lock:
            generation = self._generation
            if self.state.report.has_errors and (path.endswith("/") or path.endswith(".html")):
                return 200, "text/html; charset=utf-8", self._error_page().encode()
            return generation.respond(path)

    def _error_page(self) -> str:
        report = self.state.report
        rows = "\n".join(
            f"<li><code>{html.escape(d.path)}:{d.line}:{d.column}</code> {html.escape(d.severity)}: "
            f"{html.escape(d.message)} <code>[{d.code}]</code></li>"
            for d in report.diagnostics
        )
        summary = html.escape(report.summary(len(self.state.loaded)))
        return (
            f'<!doctype html><html lang="ru"><meta charset="utf-8"><title>{labels.PREVIEW_ERRORS}</title>'
            '<body style="font-family: sans-serif; margin: 2rem; max-width: 60rem">'
            f"<h1>{labels.PREVIEW_ERRORS}</h1><p>{summary} {labels.PREVIEW_FIX}</p>"
            f'<ul class="regpub-errors">{rows}</ul>{RELOAD_SCRIPT}</body></html>'
        )


class _Generation:
    """Everything derived from one state of the content; pages are made when first asked for."""

    def __init__(self, site: PreviewSite) -> None:
        self.site = site
        self.config = site.config
        self.corpus = site.state.corpus
        contexts = PageContexts(self.corpus, site.state.as_of, docx=False)
        self.indexes = IndexPages(contexts)
        # The same plan `regpub build` publishes, without the DOCX the preview does not make.
        self.plan = plan_site(self.corpus, site.state.as_of, self.indexes, docx=False)
        self.renderer = SiteRenderer(
            self.plan, contexts, self.indexes, site_url=self.config.site_url, site_name=self.config.site_name,
            decorate=site.decorate, country=site.plugin.config.country,
        )  # fmt: skip

    @cached_property
    def files(self) -> Files:
        files = get_files(self.config)
        files.add_files_from_theme(self.site.env, self.config)
        for page in self.plan.pages:  # rendered on request; listed so that links to them resolve
            files.append(File.generated(self.config, page.md, content=""))
        for planned in self.plan.files:
            if planned.disk is not None:
                files.append(File.generated(self.config, planned.path, abs_src_path=str(planned.disk)))
            else:
                files.append(File.generated(self.config, planned.path, content=""))
        return files

    @cached_property
    def nav(self) -> Navigation:
        return get_navigation(self.files, self.config)

    @cached_property
    def by_url(self) -> dict[str, File]:
        _ = self.nav  # pages get their Page objects here
        return {"/" + file.url.removeprefix("./"): file for file in self.files}

    def respond(self, path: str) -> tuple[int, str, bytes]:
        file = self.by_url.get(path) or self.by_url.get(path.rstrip("/") + "/")
        if file is None:
            return 404, "text/plain; charset=utf-8", labels.PREVIEW_NOT_FOUND.encode()
        if file.is_documentation_page():
            return 200, "text/html; charset=utf-8", self._render(file).encode()
        planned = self.plan.by_path.get(file.src_uri)
        if planned is not None and planned.disk is None:
            return (
                200,
                _DATA_TYPES.get(Path(file.src_uri).suffix, "text/plain; charset=utf-8"),
                self._text(planned).encode(),
            )
        assert file.abs_src_path is not None
        kind = mimetypes.guess_type(file.abs_src_path)[0] or "application/octet-stream"
        return 200, kind, Path(file.abs_src_path).read_bytes()

    @cached_property
    def doc_files(self) -> list[File]:
        return list(self.files.documentation_pages())

    def _text(self, planned: PlannedFile) -> str:
        """What a file holds: a text's XML from its page, SHA256SUMS from every XML, as the build."""
        if planned.kind is FileKind.AKN:
            page = self.files.src_uris[self.plan.page_of(planned).md]
            return self.renderer.akn(planned, self._page(page).body)
        if planned.kind is FileKind.CHECKSUMS:
            xml = self.plan.of_kind(FileKind.AKN)
            return self.renderer.checksums({file.path: sha256(self._text(file)) for file in xml})
        return self.renderer.text(planned)

    def _render(self, file: File) -> str:
        """The page as the build renders it, plus the reload script."""
        return self._page(file).html.replace("</body>", f"{RELOAD_SCRIPT}</body>")

    def _page(self, file: File) -> RenderedPage:
        """The page as the build renders it (the same steps)."""
        planned = self.plan.by_md.get(file.src_uri)
        plugin = self.site.plugin
        if planned is not None:
            record, file.content_string = self.renderer.page(planned)
            if record is not None:
                plugin.records[file.src_uri] = record
        plugin.index_pages = self.indexes
        return render_page(
            file,
            config=self.config,
            files=self.files,
            doc_files=self.doc_files,
            nav=self.nav,
            env=self.site.env,
        )


def serve(config_file: Path, content: Path, as_of: date, address: str = "127.0.0.1:8000") -> None:
    """Serve until interrupted; a thread checks the content for changes twice a second."""
    site = PreviewSite(config_file, content, as_of)
    host, _, port = address.rpartition(":")

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            try:
                status, kind, body = site.respond(unquote(urlsplit(self.path).path))
            except Exception as error:
                # Shown in the browser, not an empty reply: the message of a problem the user
                # can fix (a broken template), the traceback of a bug.
                shown = str(error) if isinstance(error, RegpubError) else traceback.format_exc()
                status, kind = 500, "text/plain; charset=utf-8"
                body = f"regpub serve could not render {self.path}:\n\n{shown}".encode()
                print(body.decode(), file=sys.stderr, flush=True)
            self.send_response(status)
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(body)))
            self.send_header("Cache-Control", "no-store")
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, format: str, *args: object) -> None:
            pass

    server = http.server.ThreadingHTTPServer((host or "127.0.0.1", int(port)), Handler)
    threading.Thread(target=_watch, args=(site,), daemon=True).start()
    report = site.state.report
    print(f"Serving the preview on http://{host or '127.0.0.1'}:{server.server_address[1]}/ "
          f"({report.summary(len(site.state.loaded))})", flush=True)  # fmt: skip
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()


def _signature(folders: list[Path]) -> tuple[tuple[str, float], ...]:
    """Every file's path and modification time under the folders: changes when anything does."""
    found = []
    for folder in folders:
        for path in folder.rglob("*"):
            if path.is_file():
                found.append((str(path), path.stat().st_mtime))
    return tuple(sorted(found))


def _watch(site: PreviewSite) -> None:
    while True:
        time.sleep(0.5)
        before = site.version
        try:
            site.refresh()
        except RegpubError as error:  # e.g. mkdocs.yml broken: the editor can fix it
            print(f"regpub serve: could not reload the content: {error}", flush=True)
        except Exception:  # a bug in regpub: its traceback, and the preview keeps the last state
            print(f"regpub serve: could not reload the content:\n{traceback.format_exc()}", flush=True)
        if site.version != before:
            print(site.state.report.summary(len(site.state.loaded)), flush=True)
