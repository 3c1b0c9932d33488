"""The commands: check, build, serve, new, schema, init."""
