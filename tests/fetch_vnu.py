"""Fetch the W3C Nu HTML checker (vnu.jar, as npm's `vnu-jar` package publishes it) for the
test suite, checked against the registry's digest: `python tests/fetch_vnu.py DEST`."""

from __future__ import annotations

import base64
import hashlib
import io
import sys
import tarfile
import urllib.request
from pathlib import Path

VERSION = "26.9.27"
URL = f"https://registry.npmjs.org/vnu-jar/-/vnu-jar-{VERSION}.tgz"
SHA512 = "TkQd5DFfOaWC9ebtvozTsrH2Vaod3jYg+vrOeREzIXxBexLz9+rS2DNtjn7+RPUiZhgli0SghgBX6RJRNea0KA=="


def main(destination: Path) -> None:
    with urllib.request.urlopen(URL, timeout=120) as response:  # a fixed https URL
        data = response.read()
    digest = base64.b64encode(hashlib.sha512(data).digest()).decode()
    if digest != SHA512:
        sys.exit(f"{URL}: sha512 {digest}, expected {SHA512}")
    with tarfile.open(fileobj=io.BytesIO(data)) as archive:
        member = archive.extractfile("package/build/dist/vnu.jar")
        assert member is not None
        partial = destination.with_suffix(".partial")
        partial.write_bytes(member.read())
    partial.replace(destination)


if __name__ == "__main__":
    main(Path(sys.argv[1]))
