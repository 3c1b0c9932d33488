"""The build state: what each content file loaded into, kept between runs.

A content file's records, its body's outline and its own problems depend only on the file's
path and bytes and on the code that reads them, so `check`, `build` and `serve` keep them in the
store (`~/.cache/regpub/state.sqlite3`) under the digest of all three and read them back instead
of parsing the file again. The corpus-wide checks (references, cycles, statuses) still run on the
whole corpus.

Entries are pickles that regpub wrote itself into the user's own cache folder; one that cannot
be read back is made again.
"""

from __future__ import annotations

import hashlib
import inspect
import pickle
import sys
from collections.abc import Callable, Sequence
from functools import cache
from pathlib import Path

from generator.content.load import LoadedFile
from generator.core.body import Body
from generator.core.forks import fork_map
from generator.core.store import Packed, installed_version, regpub_files
from generator.doctypes import REGISTRY

PARSED_HERE = 256  # fewer files to parse than this are parsed in this process: a fork costs more
CHUNK = 64  # files a worker parses at a time


class FileState:
    """Loaded files by the digest of their path and bytes (and of the code that loads them)."""

    def __init__(self) -> None:
        self.store = Packed("state", _reader_version())

    def load(self, path: Path, data: bytes, parse: Callable[[], LoadedFile]) -> LoadedFile:
        """The kept result for this file's bytes, else `parse()`, then kept."""
        key = self.store.key(str(path), data)
        kept = self.store.read(key)
        loaded = _entry(kept, data) if kept is not None else None
        if loaded is None:
            loaded = parse()
            self.store.write(key, _without_texts(loaded, data))
        return loaded

    def load_all(
        self, files: Sequence[tuple[Path, bytes]], parse: Callable[[int], LoadedFile], *, jobs: int
    ) -> list[LoadedFile]:
        """`load` for each of `files` (`parse(its index)` reads one): those the store lacks
        are parsed by up to `jobs` forked workers, which send back what the store keeps."""
        keys = [self.store.key(str(path), data) for path, data in files]
        loaded: list[LoadedFile | None] = []
        for key, (_, data) in zip(keys, files, strict=True):
            kept = self.store.read(key)
            loaded.append(_entry(kept, data) if kept is not None else None)
        missing = [index for index, it in enumerate(loaded) if it is None]
        if jobs <= 1 or len(missing) < PARSED_HERE:
            for index in missing:
                made = loaded[index] = parse(index)
                self.store.write(keys[index], _without_texts(made, files[index][1]))
            return [it for it in loaded if it is not None]

        def entries(chunk: Sequence[int]) -> list[tuple[int, bytes]]:
            return [(index, _without_texts(parse(index), files[index][1])) for index in chunk]

        chunks = [missing[start : start + CHUNK] for start in range(0, len(missing), CHUNK)]
        for done in fork_map(entries, chunks, jobs):
            for index, entry in done:
                self.store.write(keys[index], entry)
                loaded[index] = _entry(entry, files[index][1]) or parse(index)
        return [it for it in loaded if it is not None]

    def flush(self) -> None:
        """Keep what was loaded anew so far (a long-running preview, after each change)."""
        self.store.flush()

    def close(self) -> None:
        """Keep what this run loaded anew; drop what no run used for a month."""
        self.store.close()


def _entry(kept: bytes, data: bytes) -> LoadedFile | None:
    """What the store kept for a file whose bytes are `data`; None when it cannot be read."""
    try:
        loaded, lengths = pickle.loads(kept)
        _give_texts(loaded, data, lengths)
    except Exception:  # a damaged entry (a disk that filled up) is only a missed shortcut
        return None
    return loaded if isinstance(loaded, LoadedFile) else None


def _without_texts(loaded: LoadedFile, data: bytes) -> bytes:
    """The pickle of `loaded` without those of its bodies' texts that are the end of the file's
    text (a body always is, today), so that an entry is a fraction of its file: their lengths
    stand in for them. A text that is not the file's end stays in (length -1)."""
    end = _text_of(data)
    bodies = _bodies(loaded)
    lengths = [len(body.text) if end.endswith(body.text) else -1 for body in bodies]
    kept = [(body, body.text) for body, length in zip(bodies, lengths, strict=True) if length >= 0]
    try:
        for body, _ in kept:
            body.text = ""
        return pickle.dumps((loaded, lengths), protocol=pickle.HIGHEST_PROTOCOL)
    finally:
        for body, text in kept:
            body.text = text


def _give_texts(loaded: LoadedFile, data: bytes, lengths: list[int]) -> None:
    """The bodies' texts back, from the file's bytes that the entry's key was made of."""
    text = _text_of(data)
    for body, length in zip(_bodies(loaded), lengths, strict=True):
        if length >= 0:
            body.text = text[len(text) - length :] if length else ""


def _text_of(data: bytes) -> str:
    return data.decode("utf-8", errors="replace").removeprefix("\ufeff")


def _bodies(loaded: LoadedFile) -> list[Body]:
    return [entry.body for entry in loaded.entries if entry.body is not None] + [
        version.body for version in loaded.versions
    ]


@cache
def _reader_version() -> str:
    """Everything besides the file that decides what it loads into: regpub's own code (all of
    it, to be safe), the installed document types' modules, and the libraries that parse, type
    and pickle the records."""
    digest = hashlib.sha256(regpub_files().encode())
    for module in sorted({Path(inspect.getfile(record_type.model)) for record_type in REGISTRY.values()}):
        digest.update(module.read_bytes())
    libraries = [f"{name} {installed_version(name)}" for name in ("pydantic", "pydantic-core", "PyYAML")]
    return "\n".join([digest.hexdigest(), sys.version, *libraries])
