from generator.cli import entry_point

entry_point()
