"""DOCX downloads: the Markdown pandoc gets, pandoc's workers, redlines."""
