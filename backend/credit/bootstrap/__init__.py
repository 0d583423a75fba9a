"""Setting up a bureau from a TOML file: `python -m credit init --config FILE`."""
