"""Every error regpub raises on purpose, in two families.

`RegpubError` and its kinds are problems the user can fix (how a command was called, the
set-up, a build tool that failed): the CLI prints the message alone and exits with 2, the
preview prints it and keeps serving. `InternalError`, like any other exception, is a bug in
regpub: its traceback is shown, because it belongs in a bug report.

Problems in the content itself are not exceptions: they are diagnostics
(`generator.core.diagnostics`), all collected and reported together.
"""

from __future__ import annotations


class RegpubError(Exception):
    """A problem the user can fix; the message says what it is and what to do (exit code 2)."""


class UsageError(RegpubError):
    """A problem with how a command was called or with its environment."""


class ResourceError(UsageError):
    """regpub's own files are missing: the installation is broken, not the editor's content."""


class ScaffoldError(RegpubError):
    """`regpub new version` cannot go ahead; nothing was written."""


class BuildFailed(RegpubError):
    """MkDocs or a build step failed; nothing was published."""


class ToolError(RegpubError):
    """A tool regpub runs (pandoc, Pagefind) is missing, failed, or wrote what regpub cannot read."""


class DocxError(ToolError):
    """The DOCX downloads could not be made: pandoc is missing or failed."""


class SearchError(ToolError):
    """Pagefind failed, or wrote a bundle in a format this version of regpub does not know."""


class InternalError(Exception):
    """A bug in regpub, not a problem of the user's: its traceback is welcome in a report."""
