"""The outputs, each a peer: DOCX, PDF, Akoma Ntoso, open data, JSON-LD, search.
`files` says what each planned file holds, asking the format that makes it."""
