"""docker-compose.yml is the production shape; no Docker engine runs here, so its
structure is checked instead."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlparse

import yaml

from credit.core.settings import ENV_VARS, REPO_DIR


def compose() -> dict[str, Any]:
    return yaml.safe_load((REPO_DIR / "docker-compose.yml").read_text("utf-8"))


def test_services_and_volumes() -> None:
    c = compose()
    assert set(c["services"]) == {"postgres", "redis", "backend", "frontend"}
    assert set(c["volumes"]) >= {"pgdata", "redisdata"}
    assert "pgdata:/var/lib/postgresql/data" in c["services"]["postgres"]["volumes"]


def test_every_service_has_a_healthcheck() -> None:
    for name, service in compose()["services"].items():
        assert service.get("healthcheck", {}).get("test"), f"{name} has no healthcheck"


def test_backend_points_at_the_postgres_and_redis_services() -> None:
    backend = compose()["services"]["backend"]
    env = backend["environment"]
    assert (
        env["DATABASE_URL"].startswith("postgres://") and "@postgres:5432/" in env["DATABASE_URL"]
    )
    assert env["REDIS_URL"].startswith("redis://redis:6379")
    assert int(env["WORKERS"]) > 1
    assert backend["depends_on"]["postgres"]["condition"] == "service_healthy"
    assert backend["depends_on"]["redis"]["condition"] == "service_healthy"
    assert "migrate" in " ".join(backend["command"])


def test_the_workers_connect_as_a_role_that_owns_nothing() -> None:
    c = compose()
    env = c["services"]["backend"]["environment"]
    owner = urlparse(env["MIGRATION_DATABASE_URL"])
    app = urlparse(env["DATABASE_URL"])
    assert owner.username == c["services"]["postgres"]["environment"]["POSTGRES_USER"]
    assert app.username and app.username != owner.username
    assert (owner.hostname, owner.path) == (app.hostname, app.path)
    assert app.password == "${APP_DB_PASSWORD}"
    # the postgres image creates that role on first start, from the mounted init script
    mount = "./deploy/postgres-init:/docker-entrypoint-initdb.d:ro"
    assert mount in c["services"]["postgres"]["volumes"]
    script = (REPO_DIR / "deploy" / "postgres-init" / "10-application-role.sh").read_text("utf-8")
    assert f"CREATE ROLE {app.username} LOGIN" in script and "SUPERUSER" not in script.replace(
        "NOSUPERUSER", ""
    )


def test_every_backend_variable_is_one_the_backend_reads() -> None:
    env = compose()["services"]["backend"]["environment"]
    unknown = set(env) - set(ENV_VARS)
    assert not unknown, f"docker-compose sets variables the backend never reads: {unknown}"


def test_no_secret_is_written_in_the_file() -> None:
    env = compose()["services"]["backend"]["environment"]
    assert env["SECRET_KEY"].startswith("${")
    pg = compose()["services"]["postgres"]["environment"]
    assert pg["POSTGRES_PASSWORD"].startswith("${")
    assert pg["APP_DB_PASSWORD"].startswith("${")


def test_frontend_proxies_graphql_to_the_backend() -> None:
    conf = (REPO_DIR / "frontend" / "nginx.conf").read_text("utf-8")
    assert "location /graphql" in conf and "proxy_pass http://backend:8000" in conf
    assert "try_files $uri $uri/ /index.html" in conf
