"""Renderers: site pages (Markdown for MkDocs), DOCX (pandoc), open data (catalog, feed)."""
