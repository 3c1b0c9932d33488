"""The core: the content model, values, front matter, a body's outline, the linked corpus,
citations, the comparison of two texts, diagnostics, errors and labels. It knows no output:
nothing here imports MkDocs, pandoc, Typst or lxml (tests/test_code.py holds it to that)."""
