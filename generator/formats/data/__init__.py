"""Open data: catalog.json, a JSON file per document, the feed, and their types."""
