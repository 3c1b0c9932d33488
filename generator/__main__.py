from generator.app.cli import entry_point

entry_point()
