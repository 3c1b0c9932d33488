"""Time from saving a document to the preview serving the updated page; peak RSS of the server.

Usage: python benchmarks/preview.py [N ...]   (default: 1000 10000)

A copy of the synthetic corpus is served with `regpub serve`; one regulation's title is changed
on disk, and its page and the page of a document it is based on (whose "Основание для" list
shows that title) are requested every 50 ms until both show the new title.
"""

from __future__ import annotations

import os
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from check import corpus_of

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
WORK = HERE / ".preview"
BIN = Path(sys.executable).parent


def fetch(url: str) -> str:
    with urllib.request.urlopen(url, timeout=120) as response:
        return str(response.read().decode("utf-8"))


def wait_for(urls: list[str], text: str, started: float, limit: float = 120.0) -> float:
    pending = list(urls)
    while pending:
        if time.perf_counter() - started > limit:
            raise SystemExit(f"no update within {limit} s")
        pending = [url for url in pending if text not in fetch(url)]
        if pending:
            time.sleep(0.05)
    return time.perf_counter() - started


def pick_document(content: Path) -> tuple[Path, str, str]:
    """A regulation with a `based_on` target: (file, its id, the target's id)."""
    for path in sorted(content.rglob("*.md")):
        text = path.read_text(encoding="utf-8")
        based = re.search(r"^based_on:\n  - (\S+)", text, re.MULTILINE)
        if "type: regulation" in text and based and "\nexternal: true" not in text:
            return path, re.search(r"^id: (\S+)", text, re.MULTILINE).group(1), based.group(1)  # type: ignore[union-attr]
    raise SystemExit("no regulation with based_on in the corpus")


def peak_rss(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return -1.0


def measure(size: int) -> str:
    content = WORK / f"corpus-{size}"
    shutil.rmtree(content, ignore_errors=True)
    shutil.copytree(corpus_of(size), content)
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    started = time.perf_counter()
    server = subprocess.Popen(
        [str(BIN / "regpub"), "serve", "--content", str(content), "--address", f"127.0.0.1:{port}"],
        cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
    )  # fmt: skip
    try:
        assert server.stdout is not None
        server.stdout.readline()
        base = f"http://127.0.0.1:{port}/"
        path, id_, target = pick_document(content)
        pages = [f"{base}regulations/{id_}/", f"{base}regulations/{target}/"]
        for url in pages:
            fetch(url)
        ready = time.perf_counter() - started
        text = path.read_text(encoding="utf-8")
        saved = time.perf_counter()
        path.write_text(
            re.sub(r'^title: "', 'title: "Изменённое ', text, count=1, flags=re.M), encoding="utf-8"
        )
        updated = wait_for(pages, "Изменённое ", saved)
        return f"| {size:,} | {ready:.1f} s | {updated:.2f} s | {peak_rss(server.pid):.0f} MB |"
    finally:
        server.terminate()
        server.wait(timeout=30)


def main() -> None:
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    sizes = [int(arg) for arg in sys.argv[1:]] or [1000, 10000]
    print("| documents | server ready (first pages served) | save → both pages updated | peak RSS |")
    print("| ---: | ---: | ---: | ---: |")
    for size in sizes:
        print(measure(size), flush=True)


if __name__ == "__main__":
    main()
