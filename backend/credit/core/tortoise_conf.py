"""Entry point of the `tortoise` CLI (`makemigrations`, `migrate`): see pyproject.toml."""

from credit.core.db import tortoise_config

TORTOISE_ORM = tortoise_config()
