"""docker-compose.yml is the production shape; no Docker engine runs here, so its
structure is checked instead."""

from __future__ import annotations

import ipaddress
import re
from typing import Any
from urllib.parse import urlparse

import yaml

from credit.core.settings import ENV_VARS, REPO_DIR, Settings


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


def nginx_conf() -> str:
    """frontend/nginx.conf without its comments."""
    return re.sub(r"#[^\n]*", "", (REPO_DIR / "frontend" / "nginx.conf").read_text("utf-8"))


def nginx_locations() -> dict[tuple[bool, str], str]:
    """(exact?, path) → the location's body, from frontend/nginx.conf."""
    conf = nginx_conf()
    found = re.findall(r"location\s+(=\s*)?(\S+)\s*\{([^}]*)\}", conf)
    return {(bool(exact), path): body for exact, path, body in found}


def nginx_location_for(path: str) -> str:
    """nginx's choice for `path` (exact match first, else the longest prefix)."""
    locations = nginx_locations()
    if (True, path) in locations:
        return locations[(True, path)]
    prefixes = [p for exact, p in locations if not exact and path.startswith(p)]
    return locations[(False, max(prefixes, key=len))]


def test_nginx_proxies_every_route_the_app_serves() -> None:
    from starlette.routing import Route

    from credit.app import create_app

    app = create_app(Settings.from_env({}))
    paths = [r.path for r in app.routes if isinstance(r, Route)]
    spa = {"/", "/{path:path}"}
    assert {"/graphql", "/healthz", "/metrics", "/reports/{uscc}.pdf"} <= set(paths)
    for path in paths:
        concrete = re.sub(r"\{(\w+)(:\w+)?\}", "x", path)
        body = nginx_location_for(concrete)
        if path in spa:
            assert "try_files" in body, path
        else:
            assert "proxy_pass http://backend:8000" in body, f"nginx does not proxy {path}"


def test_nginx_passes_the_client_address_and_request_id_to_every_proxied_route() -> None:
    server_level = re.sub(r"location[^{]*\{[^}]*\}", "", nginx_conf())
    for header in (
        "X-Real-IP $remote_addr",
        "X-Forwarded-For $proxy_add_x_forwarded_for",
        "X-Request-ID $request_id",
    ):
        assert f"proxy_set_header {header};" in server_level
    # a location with a proxy_set_header of its own would drop the inherited ones
    assert all("proxy_set_header" not in body for body in nginx_locations().values())


def test_backend_logs_json_and_trusts_only_the_nginx_container() -> None:
    c = compose()
    env = c["services"]["backend"]["environment"]
    assert env["LOG_FORMAT"] == "json"
    nginx_address = c["services"]["frontend"]["networks"]["default"]["ipv4_address"]
    assert env["TRUSTED_PROXIES"] == nginx_address
    subnet = c["networks"]["default"]["ipam"]["config"][0]["subnet"]
    assert ipaddress.ip_address(nginx_address) in ipaddress.ip_network(subnet)
    # the settings accept what compose writes
    settings = Settings.from_env({k: str(v) for k, v in env.items() if "${" not in str(v)})
    assert settings.log_format == "json" and len(settings.trusted_proxies) == 1


def test_the_readme_documents_every_setting() -> None:
    readme = (REPO_DIR / "README.md").read_text("utf-8")
    for name in ("TRUSTED_PROXIES", "METRICS_ALLOW", "LOG_FORMAT", "PROMETHEUS_MULTIPROC_DIR"):
        assert name in ENV_VARS
    missing = [name for name in ENV_VARS if f"`{name}`" not in readme]
    assert not missing, f"README.md does not document {missing}"
