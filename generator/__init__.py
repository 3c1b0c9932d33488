"""regpub: validate, link and publish regulations and meeting records."""

__version__ = "0.1.0"
