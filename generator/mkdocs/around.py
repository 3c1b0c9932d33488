"""What the plugin adds around the pages: the sidebar when mkdocs.yml has none, the sitemap of
every page (MkDocs' lists only those it built), and progress lines for a person watching."""

from __future__ import annotations

import gzip
import html
import sys
from pathlib import Path

from mkdocs.structure.files import File

from generator.core import labels
from generator.core.urls import absolute
from generator.site.indexes import SECTION_PAGES


def default_nav(docs_dir: Path) -> list[str | dict[str, str]]:
    """The sidebar when mkdocs.yml has no `nav`: the home page, regpub's sections, then the
    hand-written pages of docs/ (MkDocs' own default would list every generated page)."""
    pages = sorted(path.relative_to(docs_dir).as_posix() for path in docs_dir.rglob("*.md"))
    home: list[str | dict[str, str]] = [{labels.HOME: "index.md"}] if "index.md" in pages else []
    sections: list[str | dict[str, str]] = [{title: page} for title, page in SECTION_PAGES.items()]
    return [*home, *sections, *(page for page in pages if page != "index.md")]


def search_progress(done: int, parts: int) -> None:
    """A line as each part of the search index that had to be made is done."""
    print(f"Search index: {done} of {parts} parts indexed", file=sys.stderr, flush=True)


def on_terminal() -> bool:
    """Progress lines only for a person watching, never into a CI log or a file."""
    return sys.stderr.isatty()


def write_sitemap(site: Path, site_url: str | None, pages: list[File]) -> None:
    """sitemap.xml (and .gz) of every page, ours included: MkDocs' lists only the pages it built.

    Without a site URL there is none (a sitemap lists absolute addresses): MkDocs' empty one is
    removed rather than published.
    """
    if not site_url:
        for name in ("sitemap.xml", "sitemap.xml.gz"):
            (site / name).unlink(missing_ok=True)
        return
    rows = sorted(absolute(site_url, page.url) for page in pages)
    urls = "".join(f"    <url>\n         <loc>{html.escape(url)}</loc>\n    </url>\n" for url in rows)
    namespace = "http://www.sitemaps.org/schemas/sitemap/0.9"
    text = f'<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="{namespace}">\n{urls}</urlset>\n'
    (site / "sitemap.xml").write_text(text, encoding="utf-8")
    with gzip.GzipFile(site / "sitemap.xml.gz", "wb", mtime=0) as packed:
        packed.write(text.encode("utf-8"))
