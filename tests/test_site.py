"""The published site built from the sample: pages, relations both ways, statuses, data files.

Generated Markdown and page contexts are golden-tested (tests/pages/); Material's full HTML is
not, since it changes with every theme release. Set REGPUB_UPDATE_GOLDEN=1 to rewrite them.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import os
import posixpath
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections import defaultdict
from datetime import date
from pathlib import Path

import pytest

from generator.content.check import check_content
from generator.core.model import Kind, Relation
from generator.core.urls import page_path
from generator.formats.search import (
    OPTIONS,
    PARTS_FILE,
    UNINDEXED,
    build_search_index,
    canonical,
    indexed_digest,
)
from generator.site.context import PageContexts
from generator.site.markdown import page_markdown
from tests.conftest import REGPUB, REPO, SAMPLE, SPLIT_PAGES, config_with_parts

GOLDEN = Path(__file__).parent / "pages"
UPDATE = os.environ.get("REGPUB_UPDATE_GOLDEN") == "1"
AS_OF = date(2026, 1, 1)
PAGES = {
    "regulation": "coordination-regulation-2021-2025",
    "meeting": "coordination-meeting-2020-12-21",
    "person": "nguyen-duc-trung",
    "organization": "ppc-party-committee",
    "external": "directive-05-ct-tw",
}


@pytest.mark.parametrize("name", PAGES)
def test_generated_page_matches_golden(name: str) -> None:
    corpus = check_content(SAMPLE, AS_OF).corpus
    entry = corpus.by_id[PAGES[name]]
    record = PageContexts(corpus, AS_OF).for_entry(entry)
    shown = {"sections": list(record.sections)} | record.published()
    outputs = {
        GOLDEN / f"{name}.md": page_markdown(corpus, entry, record.sections),
        GOLDEN / f"{name}.json": json.dumps(shown, ensure_ascii=False, indent=1) + "\n",
    }
    for path, text in outputs.items():
        if UPDATE:
            path.write_text(text, encoding="utf-8")
        assert text == path.read_text(encoding="utf-8"), f"{path.name} differs from the golden file"


def html(site: Path, kind: Kind, id_: str) -> str:
    return (site / page_path(kind, id_) / "index.html").read_text(encoding="utf-8")


def relative(from_kind: Kind, from_id: str, to_kind: Kind, to_id: str) -> str:
    """The link MkDocs writes from one page to another (directory URLs)."""
    return posixpath.relpath(page_path(to_kind, to_id), page_path(from_kind, from_id)) + "/"


def test_every_record_has_its_page(sample_site: Path) -> None:
    corpus = check_content(SAMPLE, AS_OF).corpus
    for entry in corpus.entries:
        assert entry.kind is not None
        assert (sample_site / page_path(entry.kind, entry.id) / "index.html").is_file(), entry.id


def test_both_sides_of_every_relation_are_linked(sample_site: Path) -> None:
    corpus = check_content(SAMPLE, AS_OF).corpus
    checked = 0
    for link in corpus.links:
        source, target = corpus.by_id[link.origin], corpus.by_id[link.target]
        assert source.kind is not None
        assert target.kind is not None
        there = f'href="{relative(source.kind, source.id, target.kind, target.id)}"'
        back = f'href="{relative(target.kind, target.id, source.kind, source.id)}"'
        assert there in html(sample_site, source.kind, source.id), f"{link.origin} → {link.target}"
        if link.relation is not Relation.POSITION_AT or target.kind is Kind.ORGANIZATION:
            assert back in html(sample_site, target.kind, target.id), f"{link.target} ← {link.origin}"
        checked += 1
    assert checked > 40


def test_articles_have_anchors_with_copyable_links(sample_site: Path) -> None:
    page = html(sample_site, Kind.REGULATION, "coordination-regulation-2021-2025")
    for anchor in ("section-1", "article-1", "article-3", "article-15"):
        assert f'id="{anchor}"' in page
        assert f'href="#{anchor}"' in page
    meeting = html(sample_site, Kind.MEETING, "coordination-meeting-2020-12-21")
    assert 'href="../../regulations/coordination-regulation-2021-2025/#article-3"' in meeting


def test_expired_regulation_says_so_at_the_top(sample_site: Path) -> None:
    page = html(sample_site, Kind.REGULATION, "coordination-regulation-2021-2025")
    banner = page.index('class="regpub-banner regpub-banner--expired"')
    assert banner < page.index("<h1")
    assert "<strong>Срок действия истёк 31 декабря 2025 г.</strong>" in page[banner:]
    assert "21 декабря 2020 г." in page


def test_status_depends_on_the_as_of_date(tmp_path: Path) -> None:
    output = tmp_path / "site"
    result = build(output, "--as-of", "2023-06-01")
    assert result.returncode == 0, result.stderr
    page = html(output, Kind.REGULATION, "coordination-regulation-2021-2025")
    # The banner is there for the script to show on the day the status changes, hidden until then.
    assert re.search(
        r'<div class="regpub-banner regpub-banner--in_force"[^>]*data-regpub-status-banner=[^>]* hidden>',
        page,
    )
    assert ">Действует с 1 января 2021 г. по 31 декабря 2025 г.<" in page
    catalog = json.loads((output / "catalog.json").read_text(encoding="utf-8"))
    statuses = {d["id"]: d.get("status", {}).get("code") for d in catalog["documents"]}
    assert statuses["coordination-regulation-2021-2025"] == "in_force"
    assert statuses["coordination-programme-2019-2020"] == "expired"


def test_a_daily_build_rewrites_only_what_the_day_changed(tmp_path: Path) -> None:
    """The workflow rebuilds every day (README: "Computed status"): on a day no status changes,
    only the catalog and the list of assignments (their `as_of`) and the checksums that name them
    are new, DOCX included."""
    output, cache = tmp_path / "site", tmp_path / "cache"
    assert build(output, "--as-of", "2026-01-01", cache=cache).returncode == 0
    before = {path: path.read_bytes() for path in output.rglob("*") if path.is_file()}
    result = build(output, "--as-of", "2026-01-02", cache=cache)
    assert result.returncode == 0, result.stderr
    after = {path: path.read_bytes() for path in output.rglob("*") if path.is_file()}
    assert after.keys() == before.keys()
    changed = sorted(path.name for path in after if after[path] != before[path])
    assert changed == ["SHA256SUMS", "catalog.json", "decisions.json"]
    assert f"3 files written, 0 removed, {len(after) - 3:,} unchanged." in result.stdout


def test_open_data(sample_site: Path) -> None:
    catalog = json.loads((sample_site / "catalog.json").read_text(encoding="utf-8"))
    assert catalog["as_of"] == "2026-01-01"
    documents = {d["id"]: d for d in catalog["documents"]}
    assert len(documents) == 8
    regulation = documents["coordination-regulation-2021-2025"]
    assert regulation["status"]["label"] == "Срок действия истёк"
    groups = {group["label"]: [item["id"] for item in group["items"]] for group in regulation["relations"]}
    assert groups["На основании"] == [
        "provincial-congress-resolution-19",
        "central-committee-resolution-4",
        "directive-05-ct-tw",
    ]
    single = sample_site / "regulations" / "directive-05-ct-tw" / "directive-05-ct-tw.json"
    assert json.loads(single.read_text(encoding="utf-8"))["number"] == "05-CT/TW"
    feed = ET.parse(sample_site / "feed.xml").getroot()
    atom = "{http://www.w3.org/2005/Atom}"
    updated = [entry.findtext(f"{atom}updated") or "" for entry in feed.iter(f"{atom}entry")]
    assert len(updated) == 8
    assert updated == sorted(updated, reverse=True)
    assert not (sample_site / "sitemap.xml").exists()  # no site URL, no sitemap (test_clients)


def test_document_pages_stay_small(sample_site: Path) -> None:
    for page in (sample_site / "regulations").glob("*/index.html"):
        assert page.stat().st_size <= 100_000, page


def test_two_builds_are_byte_identical(tmp_path: Path) -> None:
    """Every file, the search index included (Pagefind writes its filters in hash-map order;
    regpub rewrites them in a fixed one). One build renders its pages in one process, the
    other on two."""
    first, second = tmp_path / "one", tmp_path / "two"
    # Each with caches of its own: both render every page and index the site.
    assert build(first, "--as-of", "2026-01-01", jobs=1, cache=tmp_path / "cache-one").returncode == 0
    assert build(second, "--as-of", "2026-01-01", jobs=2, cache=tmp_path / "cache-two").returncode == 0
    one = tree_digest(first)
    assert [name for name in one if name.startswith("pagefind/filter/")]
    assert one == tree_digest(second)


def test_a_large_index_is_built_in_parts_and_only_the_changed_part_again(
    tmp_path: Path, split_site: Path, sample_site: Path
) -> None:
    """Pagefind's memory grows with the pages it indexes, so a large site is indexed in parts;
    an edit re-indexes only the part holding the edited document's pages."""
    bundle = split_site / "pagefind"
    parts = json.loads((bundle / "regpub-parts.json").read_text(encoding="utf-8"))
    assert len(parts) >= 2
    counts = []
    for folder in [bundle, *(bundle / part for part in parts)]:
        entry = json.loads((folder / "pagefind-entry.json").read_text(encoding="utf-8"))
        counts.append(entry["languages"]["ru"]["page_count"])
        assert list(folder.glob("fragment/*.pf_fragment"))
        assert list(folder.glob("*.pf_meta"))
    whole = json.loads((sample_site / "pagefind" / "pagefind-entry.json").read_text(encoding="utf-8"))
    assert sum(counts) == whole["languages"]["ru"]["page_count"]  # every page is in one part
    assert all(counts)
    assert not list((bundle / parts[0]).glob("*.js"))  # the scripts come from the first part
    content, cache = tmp_path / "content", tmp_path / "cache"
    shutil.copytree(SAMPLE, content)
    config = config_with_parts(tmp_path, content, SPLIT_PAGES)
    args = ("--config", str(config), "--as-of", "2026-01-01", "--no-docx")
    cold = build(tmp_path / "cold", *args, cache=cache)
    assert f"search index: {len(parts) + 1} parts built" in cold.stdout, cold.stdout + cold.stderr
    assert tree_digest(tmp_path / "cold" / "pagefind") == tree_digest(bundle)
    meeting = content / "2020" / "coordination-meeting-2020-12-21.md"
    meeting.write_text(meeting.read_text(encoding="utf-8") + "\nЗамечание для поиска.\n", encoding="utf-8")
    edited = build(tmp_path / "edited", *args, cache=cache)
    assert f"search index: 1 of {len(parts) + 1} parts built" in edited.stdout, edited.stdout
    # Rebuilt into the folder of the build before the edit, the parts the edit left alike stay
    # there as they were, the same files; the site is the one a build from scratch gives.
    before = _files_by_part(tmp_path / "cold" / "pagefind")
    again = build(tmp_path / "cold", *args, cache=cache)
    assert again.returncode == 0, again.stderr
    assert tree_digest(tmp_path / "cold") == tree_digest(tmp_path / "edited")
    after = _files_by_part(tmp_path / "cold" / "pagefind")
    assert after.keys() == before.keys()
    assert sum(after[part] != before[part] for part in before) == 1  # the edited document's part
    # A title shows on the pages related to its document, in other parts; there it sits in what
    # Pagefind leaves out (the relations, what an organization issued), so only the edited
    # document's part is indexed again, and the index is still the one a build from scratch gives.
    directive = content / "2016" / "directive-05-ct-tw.md"
    text = directive.read_text(encoding="utf-8")
    directive.write_text(text.replace("title: Об усилении изучения", "title: Об углублении изучения"))
    site = tmp_path / "cold"
    shown = {
        f"/{page.relative_to(site).parent.as_posix()}/".replace("/./", "/")
        for page in site.rglob("*.html")
        if "Об усилении изучения" in page.read_text(encoding="utf-8")
    }
    parts_showing = {part for url, part in _pages_by_part(site / "pagefind").items() if url in shown}
    assert len(parts_showing) > 1  # the title is shown on pages of more than one part
    retitled = build(site, *args, cache=cache)
    assert f"search index: 1 of {len(parts) + 1} parts built" in retitled.stdout, retitled.stdout
    assert build(tmp_path / "fresh", *args, cache=tmp_path / "cold-cache").returncode == 0
    assert tree_digest(site) == tree_digest(tmp_path / "fresh")


def test_the_index_of_the_pages_search_copies_is_the_one_pagefind_makes_of_the_pages(
    tmp_path: Path, sample_site: Path
) -> None:
    """The index is made from a copy of each page that holds only what Pagefind reads of it: the
    same bytes as Pagefind's index of the whole pages."""
    pages = tmp_path / "pages"
    shutil.copytree(sample_site, pages, ignore=shutil.ignore_patterns("pagefind"))
    whole = tmp_path / "whole"
    command = [sys.executable, "-m", "pagefind", "--site", str(pages), "--output-path", str(whole), *OPTIONS]
    subprocess.run(command, check=True, capture_output=True)
    canonical(whole)
    made = tree_digest(sample_site / "pagefind")
    del made[PARTS_FILE]
    assert tree_digest(whole) == made
    assert len(list(whole.glob("fragment/*"))) > 20


def test_a_site_whose_pages_mark_no_part_to_index_is_indexed_whole(tmp_path: Path) -> None:
    """Templates of the editors' own may leave out `data-pagefind-body`: then Pagefind indexes
    every page whole, as it would without regpub."""
    for name, words in (("one", "координации работы"), ("two", "административная реформа")):
        page = tmp_path / name / "index.html"
        page.parent.mkdir()
        html = f'<html lang="ru"><body><h1>{name}</h1><p>{words}</p></body></html>'
        page.write_text(html, encoding="utf-8")
    build_search_index(tmp_path)
    entry = json.loads((tmp_path / "pagefind" / "pagefind-entry.json").read_text(encoding="utf-8"))
    assert entry["languages"]["ru"]["page_count"] == 2
    contents = [
        json.loads(gzip.decompress(path.read_bytes()).removeprefix(b"pagefind_dcd"))["content"]
        for path in (tmp_path / "pagefind" / "fragment").glob("*.pf_fragment")
    ]
    assert sorted(contents) == ["one. координации работы.", "two. административная реформа."]


def test_search_excerpts_keep_a_fact_apart_from_the_one_before(sample_site: Path) -> None:
    """Pagefind reads a page's facts (`<dt>` and `<dd>`) as text: a label must not stick to the
    value before it ("Нам ДиньПрисутствовали") in what search shows."""
    labels = ("Место", "Организаторы", "Секретарь", "Присутствовали", "Приглашённые", "Темы", "Входит в",
              "Подразделения", "Люди", "Номер", "Источник")  # fmt: skip
    glued = re.compile(rf"\w(?:{'|'.join(labels)})\b")
    contents = [
        json.loads(gzip.decompress(path.read_bytes()).removeprefix(b"pagefind_dcd"))["content"]
        for path in (sample_site / "pagefind" / "fragment").glob("*.pf_fragment")
    ]
    assert any("Присутствовали" in content for content in contents)
    assert [found.group(0) for content in contents for found in glued.finditer(content)] == []


def test_what_search_reads_of_a_page_is_its_indexed_part_with_the_filters_left_in_what_it_ignores() -> None:
    page = (
        '<html><body><nav>{nav}</nav><main data-pagefind-body><h1 id="top">{title}</h1>'
        '<section class="regpub-relations" data-pagefind-ignore><a href="x">{related}</a>'
        '<span data-pagefind-filter="Год">{year}</span></section></main></body></html>'
    )
    fields = {"nav": "Меню", "title": "Решение", "related": "Положение", "year": "2020"}
    digest = indexed_digest(page.format(**fields).encode())
    assert indexed_digest(page.format(**fields | {"nav": "Другое меню"}).encode()) == digest
    assert indexed_digest(page.format(**fields | {"related": "Другое положение"}).encode()) == digest
    assert indexed_digest(page.format(**fields | {"title": "Другое решение"}).encode()) != digest
    assert indexed_digest(page.format(**fields | {"year": "2021"}).encode()) != digest
    assert indexed_digest(b"<html><body><main><h1>List</h1></main></body></html>") == UNINDEXED


def _pages_by_part(bundle: Path) -> dict[str, str]:
    """The URL of every page a search bundle indexes → the folder of its part."""
    parts = json.loads((bundle / "regpub-parts.json").read_text(encoding="utf-8"))
    found = {}
    for part in ["", *parts]:
        for fragment in (bundle / part / "fragment").glob("*.pf_fragment"):
            data = gzip.decompress(fragment.read_bytes()).removeprefix(b"pagefind_dcd")
            found[json.loads(data)["url"]] = part
    return found


def _files_by_part(bundle: Path) -> dict[str, dict[str, int]]:
    """The files of a search bundle by the part they belong to: path → inode."""
    parts: dict[str, dict[str, int]] = defaultdict(dict)
    for path in bundle.rglob("*"):
        relative = path.relative_to(bundle).parts
        if path.is_file() and relative[-1] != "regpub-parts.json":
            part = "/".join(relative[:2]) if relative[0] == "parts" else "first"
            parts[part][path.as_posix()] = path.stat().st_ino
    return parts


def test_a_rebuild_renders_only_what_changed(tmp_path: Path) -> None:
    content, cache = tmp_path / "content", tmp_path / "cache"
    shutil.copytree(SAMPLE, content)
    args = ("--as-of", "2026-01-01", "--content", str(content), "--no-docx")
    cold = build(tmp_path / "cold", *args, cache=cache)
    assert cold.returncode == 0, cold.stderr
    pages = int(re.search(r"pages: (\d+) rendered, 0 from the cache; search index: built", cold.stdout)[1])  # type: ignore[index]
    assert pages > 30
    warm = build(tmp_path / "warm", *args, cache=cache)
    assert f"pages: 0 rendered, {pages} from the cache; search index: from the cache" in warm.stdout
    assert tree_digest(tmp_path / "warm") == tree_digest(tmp_path / "cold")
    programme = content / "2019" / "coordination-programme-2019-2020.md"
    text = programme.read_text(encoding="utf-8")
    programme.write_text(text + "\nДополнение, внесённое для проверки.\n", encoding="utf-8")
    edited = build(tmp_path / "edited", *args, cache=cache)
    assert f"pages: 1 rendered, {pages - 1} from the cache; search index: built" in edited.stdout
    before = tree_digest(tmp_path / "warm")
    changed = {
        name for name, digest in tree_digest(tmp_path / "edited").items()
        if not name.startswith("pagefind/") and before.get(name) != digest
    }  # fmt: skip
    # The page, the document's Akoma Ntoso XML (it holds the text) and the checksums of the XML.
    assert changed == {
        "regulations/coordination-programme-2019-2020/index.html",
        "regulations/coordination-programme-2019-2020/coordination-programme-2019-2020.xml",
        "SHA256SUMS",
    }


def test_failed_build_leaves_the_previous_output_untouched(tmp_path: Path) -> None:
    output = tmp_path / "site"
    assert build(output, "--as-of", "2026-01-01").returncode == 0
    before = tree_digest(output)
    content = tmp_path / "content"
    shutil.copytree(SAMPLE, content)
    broken = content / "2020" / "coordination-regulation-2021-2025.md"
    broken.write_text(broken.read_text(encoding="utf-8").replace("issuers:", "isuers:"), encoding="utf-8")
    result = build(output, "--as-of", "2026-01-01", "--content", str(content))
    assert result.returncode == 1
    assert "unknown field 'isuers' (did you mean 'issuers'?) [unknown-field]" in result.stdout
    assert "Traceback" not in result.stderr
    assert tree_digest(output) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["content", "site"]


def build(
    output: Path, *args: str, jobs: int | None = None, cache: Path | None = None
) -> subprocess.CompletedProcess[str]:
    """`regpub build`; `jobs` page workers, `cache` the folder of its caches (default: the user's)."""
    command = [str(REGPUB), "build", "--output", str(output), *args]
    environment = {**os.environ, "SOURCE_DATE_EPOCH": "1767225600"}
    if jobs is not None:
        environment["REGPUB_JOBS"] = str(jobs)
    if cache is not None:
        environment["XDG_CACHE_HOME"] = str(cache)
    return subprocess.run(command, cwd=REPO, capture_output=True, text=True, check=False, env=environment)


def tree_digest(root: Path) -> dict[str, str]:
    return {
        str(path.relative_to(root)): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(root.rglob("*"))
        if path.is_file()
    }


def test_meeting_photos_are_published_beside_the_page(tmp_path: Path) -> None:
    output = tmp_path / "site"
    content = REPO / "tests" / "cases" / "valid-full" / "content"
    result = build(output, "--as-of", "2026-01-01", "--content", str(content), "--no-docx")
    assert result.returncode == 0, result.stdout + result.stderr
    page = output / "meetings" / "meeting-2020-12-21"
    assert (page / "meeting-2020-12-21.png").read_bytes() == (
        content / "photos" / "meeting-2020-12-21.png"
    ).read_bytes()
    assert '<img src="meeting-2020-12-21.png"' in (page / "index.html").read_text(encoding="utf-8")


def test_sha256sums_cover_every_download_and_json_and_match(sample_site: Path) -> None:
    listed = {}
    for line in (sample_site / "SHA256SUMS").read_text(encoding="utf-8").splitlines():
        digest, name = line.split("  ", 1)
        listed[name] = digest
    published = {
        str(path.relative_to(sample_site))
        for path in sample_site.rglob("*")
        if path.suffix in (".docx", ".pdf", ".json", ".xml")
        and path.name != "feed.xml"
        and not path.is_relative_to(sample_site / "pagefind")
    }
    assert set(listed) == published
    assert len([name for name in listed if name.endswith(".docx")]) == 7
    assert len([name for name in listed if name.endswith(".pdf")]) == 6  # not the redline
    assert len([name for name in listed if name.endswith(".xml")]) == 9  # external documents' too
    for name, digest in listed.items():
        assert hashlib.sha256((sample_site / name).read_bytes()).hexdigest() == digest, name
    page = html(sample_site, Kind.REGULATION, "coordination-regulation-2021-2025")
    assert (
        f"<code>{listed['regulations/coordination-regulation-2021-2025/coordination-regulation-2021-2025.docx']}</code>"
        in page
    )


def test_pages_show_when_and_in_which_commit_the_source_changed(tmp_path: Path) -> None:
    repository = tmp_path / "editors-repo"
    repository.mkdir()
    for name in ("regulations", "docs"):
        shutil.copytree(REPO / name, repository / name)
    config = (
        (REPO / "mkdocs.yml")
        .read_text(encoding="utf-8")
        .replace(
            "      content: regulations\n",
            "      content: regulations\n"
            "      commit_url: https://git.example.org/c/{commit}\n"
            "      history_url: https://git.example.org/log/{path}\n",
        )
    )
    (repository / "mkdocs.yml").write_text(config, encoding="utf-8")
    dated = {
        **os.environ,
        "GIT_AUTHOR_DATE": "2024-03-05T10:00:00",
        "GIT_COMMITTER_DATE": "2024-03-05T10:00:00",
    }

    def git(*args: str) -> str:
        command = ["git", "-c", "user.name=Редактор", "-c", "user.email=editor@example.org", *args]
        return subprocess.run(
            command, cwd=repository, env=dated, capture_output=True, text=True, check=True
        ).stdout

    git("init", "-q")
    git("add", ".")
    git("commit", "-q", "-m", "Первая редакция")
    commit = git("rev-parse", "HEAD").strip()
    output = tmp_path / "site"
    command = [str(REGPUB), "build", "--output", str(output), "--as-of", "2026-01-01", "--no-docx"]
    result = subprocess.run(command, cwd=repository, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr
    page = html(output, Kind.REGULATION, "coordination-regulation-2021-2025")
    assert "Последнее изменение в исходных материалах:\n      5 марта 2024 г.," in page
    assert f'<a href="https://git.example.org/c/{commit}">коммит {commit[:8]}</a>' in page
    history = "https://git.example.org/log/regulations/2020/coordination-regulation-2021-2025.md"
    assert f'<a href="{history}">история изменений</a>' in page


def test_no_provenance_outside_git(tmp_path: Path) -> None:
    content = tmp_path / "content"
    shutil.copytree(SAMPLE, content)
    result = build(tmp_path / "site", "--as-of", "2026-01-01", "--content", str(content), "--no-docx")
    assert result.returncode == 0, result.stderr
    assert "regpub-provenance" not in html(
        tmp_path / "site", Kind.REGULATION, "coordination-regulation-2021-2025"
    )


def test_versions_have_their_pages_and_a_diff(sample_site: Path) -> None:
    base = sample_site / "regulations" / "coordination-regulation-2021-2025"
    current = (base / "index.html").read_text(encoding="utf-8")
    assert 'id="versions"' in current
    assert 'href="2021-01-01/"' in current
    assert 'href="changes/"' in current
    old = (base / "2021-01-01" / "index.html").read_text(encoding="utf-8")
    assert "Недействующая редакция" in old
    assert "в том числе общую цифровую платформу" not in old
    assert "в том числе общую цифровую платформу" in current
    changes = (base / "changes" / "index.html").read_text(encoding="utf-8")
    assert re.search(r"<ins>[^<]*цифровую платформу[^<]*</ins>", changes)
    assert "Статья 9. Применение информационных технологий в управлении <small>(изменена)</small>" in changes
    assert "Статья 1. Предмет регулирования — без изменений" in changes
    catalog = json.loads((sample_site / "catalog.json").read_text(encoding="utf-8"))
    regulation = next(d for d in catalog["documents"] if d["id"] == "coordination-regulation-2021-2025")
    assert [v["from_iso"] for v in regulation["versions"]] == ["2023-01-01", "2021-01-01"]


def test_citations_by_form_and_number_link_to_the_document(sample_site: Path) -> None:
    page = html(sample_site, Kind.REGULATION, "coordination-amendment-2022")
    assert '<a data-ref="directive-05-ct-tw" href="../directive-05-ct-tw/">Директиве № 05-CT/TW</a>' in page


def test_decisions_are_numbered_as_in_the_protocol(sample_site: Path) -> None:
    meeting = html(sample_site, Kind.MEETING, "coordination-meeting-2020-12-21")
    numbers = re.findall(r'<span class="regpub-decisions__number">([\d.]+)</span>', meeting)
    assert numbers
    assert all(re.fullmatch(r"\d+\.\d+\.", number) for number in numbers)
    assert numbers[0].endswith(".1.")


def test_each_related_document_is_listed_once_and_only_documents_are() -> None:
    corpus = check_content(SAMPLE, AS_OF).corpus
    contexts = PageContexts(corpus, AS_OF)
    for entry in corpus.entries:
        if entry.kind not in (Kind.REGULATION, Kind.MEETING):
            continue
        listed = [item for group in contexts.for_entry(entry)["relations"] for item in group.items]
        ids = [item["id"] for item in listed]
        assert len(ids) == len(set(ids)), entry.id
        assert {item["kind"] for item in listed} <= {"regulation", "meeting"}, entry.id


def test_every_page_lists_its_sections_in_its_table_of_contents(sample_site: Path) -> None:
    """The table of contents names the template's sections (Повестка дня, Редакции…) and the
    body's headings, in the order the page shows them, and nothing the page does not have."""
    checked = set()
    for path in sorted(sample_site.rglob("index.html")):
        page = path.read_text(encoding="utf-8")
        if '<div id="regpub-start"' not in page:
            continue
        sidebar = page[page.index("md-nav--secondary") : page.index('class="md-content"')]
        content = page[page.index('class="md-content"') :]
        listed = re.findall(r'<a href="#([^"]+)" class="md-nav__link">', sidebar)
        headings = re.findall(r'<h[2-6] id="([^"]+)"', content)
        assert listed == headings, path.relative_to(sample_site)
        checked.add(path.parent.parent.name)
    assert {"regulations", "meetings", "people", "organizations"} <= checked
    meeting = html(sample_site, Kind.MEETING, "coordination-meeting-2020-12-21")
    sidebar = meeting[meeting.index("md-nav--secondary") : meeting.index('class="md-content"')]
    assert re.findall(r'<a href="#([a-z]+)" class="md-nav__link">', sidebar) == [
        "agenda",
        "adopted",
        "record",
        "relations",
    ]
    assert '<nav class="md-nav" aria-label="Ход заседания">' in sidebar  # the record's headings under it
