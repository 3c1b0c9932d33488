"""The MkDocs adapter: the plugin's events, pages rendered through MkDocs, valid HTML."""
