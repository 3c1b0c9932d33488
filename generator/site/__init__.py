"""The site as data: where every page and file goes (the plan), what each page shows (its
record), the index pages, the texts of a regulation and what each amendment changed."""
