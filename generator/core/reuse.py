"""Output files that know what they were made from, so that a rebuild keeps them as they are.

A maker that can name everything an output file is made from by one digest (its key: a
rendered page's is its Markdown, its context and the site's fingerprint) asks `Previous.keep`
before it makes the file. When the last build into the same folder made that file from the same
key, and the file is still as that build left it (its size and modification time), the file
stays in the output folder as it is: not made, not read, not written, and publishing leaves it
there. The key must cover every input, as a cache key does; what the last build said of the
file (an XML file's SHA-256) comes back with it.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path


@dataclass(frozen=True, slots=True)
class Made:
    """What one output file was made from, and what its maker said of it."""

    key: str
    note: str = ""
    # What a generated page or data file read of the corpus (`generator.core.reads`, encoded) and
    # their digest then (`generator.core.inputs`): when the digest of the same reads is the same
    # now, the file would come out the same, and nothing of it need be made to know that.
    reads: str = ""
    inputs: str = ""


@dataclass(frozen=True)
class Previous:
    """The output folder as the last build into it left it."""

    folder: Path
    made: Mapping[str, Made]  # site path → what the file was made from
    files: Mapping[str, list[int]]  # site path → [size, modification time in ns] it was left with
    # What each thing its outputs could read of the corpus was (`generator.core.inputs`), with
    # what every output depends on besides the corpus under SETUP.
    facets: Mapping[str, str] = field(default_factory=dict)

    def keep(self, path: str, key: str) -> Made | None:
        """What the last build made at `path`, when it made it from `key` and the file is still as
        that build left it: then it stays in the output folder as it is (publishing keeps it);
        None when the file must be made anew."""
        made = self.made.get(path)
        if made is None or not key or made.key != key:
            return None
        try:
            status = os.lstat(os.path.join(self.folder, path))
        except OSError:  # gone meanwhile: make it anew
            return None
        return made if [status.st_size, status.st_mtime_ns] == self.files.get(path) else None
