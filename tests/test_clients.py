"""What we publish, read by the clients other people use: the W3C Nu HTML checker (vnu.jar,
run by Debian's Java), ..."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

VNU = Path(__file__).resolve().parent.parent / ".venv" / "vnu.jar"  # make test fetches it
JAVA = shutil.which("java")


@pytest.mark.skipif(JAVA is None, reason="Java is not installed (make test installs it as root)")
@pytest.mark.skipif(not VNU.exists(), reason="the Nu checker is not fetched (make test fetches it)")
def test_every_page_is_valid_html(sample_site: Path) -> None:
    assert JAVA is not None
    result = subprocess.run(
        [JAVA, "-jar", str(VNU), "--format", "json", "--errors-only", "--skip-non-html", str(sample_site)],
        capture_output=True,
        text=True,
        check=False,
    )
    messages = json.loads(result.stderr)["messages"]
    pages = {Path(message["url"].removeprefix("file:")) for message in messages}
    errors = [f"{message['url'].split('/site/')[-1]}: {message['message']}" for message in messages]
    assert len(list(sample_site.rglob("*.html"))) >= 40  # every page kind is there to check
    assert errors == [], f"{len(errors)} errors on {len(pages)} pages"
