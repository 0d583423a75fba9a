"""Settings, read once from the environment. Every variable has a documented default."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from credit.core.netaddr import Networks, parse_networks

BACKEND_DIR = Path(__file__).resolve().parents[2]
REPO_DIR = BACKEND_DIR.parent
DEFAULT_DATA_DIR = BACKEND_DIR / "data"

# Every environment variable the backend reads, with its default and meaning. The README's
# settings table and the docker-compose structure test are checked against this mapping.
ENV_VARS: dict[str, str] = {
    "DATABASE_URL": (
        "unset: embedded SQLite file backend/data/credit.sqlite3; postgres://… uses asyncpg"
    ),
    "MIGRATION_DATABASE_URL": (
        "unset: DATABASE_URL; on PostgreSQL, the role that owns the tables and runs "
        "`credit migrate`, which then grants DATABASE_URL's role only SELECT, INSERT, UPDATE, "
        "DELETE (append-only trails: SELECT, INSERT)"
    ),
    "REDIS_URL": "unset: in-process memory cache; redis://host:port/db: shared Redis cache",
    "PORT": "8000: the HTTP port of `make run` / `python -m credit serve`",
    "HOST": "127.0.0.1: the interface to listen on (0.0.0.0 in containers)",
    "WORKERS": "1: uvicorn worker processes",
    "STATIC_DIR": "frontend/dist: the built SPA served at /",
    "SECRET_KEY": "unset: a random key kept in backend/data/secret.key (embedded default only)",
    "PUBLIC_INTROSPECTION": "true: whether anonymous callers may introspect the schema",
    "COOKIE_SECURE": "false: set true behind HTTPS so the session cookie is Secure",
    "LOG_LEVEL": "INFO",
    "TIME_ZONE": "Asia/Shanghai: the zone in which dates, windows and deadlines are counted",
    "OUTBOX_TARGETS": (
        "unset: none (events wait, listed as unconfigured); name=url,name=url: where notices "
        "and publications are delivered (credit_shenyang, shenyang_police_web, "
        "municipal_platform)"
    ),
    "TRUSTED_PROXIES": (
        "unset: none; comma-separated addresses or CIDRs of the reverse proxies whose "
        "X-Forwarded-For / X-Real-IP / X-Request-ID are believed (e.g. 127.0.0.1)"
    ),
    "METRICS_ALLOW": (
        "127.0.0.0/8,::1: comma-separated addresses or CIDRs allowed to read /metrics"
    ),
    "LOG_FORMAT": "text: or json (one JSON object per line, with the request id)",
    "WATCH_WEBHOOK_ALLOW_HTTP_LOOPBACK": (
        "false: true lets a partner's watch webhook be http://127.0.0.1 or http://localhost "
        "(tests and local receivers only; otherwise https:// only)"
    ),
    "PROMETHEUS_MULTIPROC_DIR": (
        "unset: a fresh temporary folder when WORKERS > 1 (prometheus-client's "
        "multiprocess mode, so /metrics adds up every worker)"
    ),
}


DEFAULT_METRICS_ALLOW = "127.0.0.0/8,::1"
LOG_FORMATS = ("text", "json")


def _bool(value: str | None, default: bool) -> bool:
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


@dataclass(frozen=True)
class Settings:
    database_url: str
    redis_url: str | None
    port: int
    host: str
    workers: int
    static_dir: Path
    secret_key: str | None
    public_introspection: bool
    cookie_secure: bool
    log_level: str
    time_zone: str
    outbox_targets: dict[str, str] = field(default_factory=dict)
    data_dir: Path = field(default=DEFAULT_DATA_DIR)
    migration_database_url: str = ""
    trusted_proxies: Networks = ()
    metrics_allow: Networks = field(
        default_factory=lambda: parse_networks("METRICS_ALLOW", DEFAULT_METRICS_ALLOW)
    )
    log_format: str = "text"
    # A streaming standby for public reads (credit.core.replica); "" for none.
    database_replica_url: str = ""
    replica_max_lag_s: float = 5.0
    webhook_allow_http_loopback: bool = False
    # At most this many watched subjects per partner token (credit.watches).
    watch_limit_per_token: int = 100_000

    @property
    def is_embedded(self) -> bool:
        return self.database_url.startswith("sqlite://")

    @classmethod
    def from_env(cls, env: dict[str, str] | None = None) -> Settings:
        env = dict(os.environ if env is None else env)
        data_dir = DEFAULT_DATA_DIR
        database_url = _pg(env.get("DATABASE_URL") or f"sqlite://{data_dir / 'credit.sqlite3'}")
        return cls(
            database_url=database_url,
            redis_url=env.get("REDIS_URL") or None,
            port=int(env.get("PORT") or 8000),
            host=env.get("HOST") or "127.0.0.1",
            workers=int(env.get("WORKERS") or 1),
            static_dir=Path(env.get("STATIC_DIR") or REPO_DIR / "frontend" / "dist"),
            secret_key=env.get("SECRET_KEY") or None,
            public_introspection=_bool(env.get("PUBLIC_INTROSPECTION"), True),
            cookie_secure=_bool(env.get("COOKIE_SECURE"), False),
            log_level=env.get("LOG_LEVEL") or "INFO",
            time_zone=env.get("TIME_ZONE") or "Asia/Shanghai",
            outbox_targets=parse_targets(env.get("OUTBOX_TARGETS") or ""),
            data_dir=data_dir,
            migration_database_url=_pg(env.get("MIGRATION_DATABASE_URL") or database_url),
            trusted_proxies=parse_networks("TRUSTED_PROXIES", env.get("TRUSTED_PROXIES") or ""),
            metrics_allow=parse_networks(
                "METRICS_ALLOW", env.get("METRICS_ALLOW") or DEFAULT_METRICS_ALLOW
            ),
            log_format=parse_log_format(env.get("LOG_FORMAT") or "text"),
            database_replica_url=_replica_url(env.get("DATABASE_REPLICA_URL") or "", database_url),
            replica_max_lag_s=_max_lag(env.get("REPLICA_MAX_LAG_S") or "5"),
            webhook_allow_http_loopback=_bool(env.get("WATCH_WEBHOOK_ALLOW_HTTP_LOOPBACK"), False),
            watch_limit_per_token=int(env.get("WATCH_LIMIT_PER_TOKEN") or 100_000),
        )


def _replica_url(url: str, database_url: str) -> str:
    url = _pg(url.strip())
    if url and not (url.startswith("postgres://") and database_url.startswith("postgres://")):
        raise ValueError(
            "DATABASE_REPLICA_URL：只读副本只用于 PostgreSQL（主库与副本都须为 postgres:// 地址）"
        )
    return url


def _max_lag(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        value = float("nan")
    if not (0 < value <= 3600):  # also refuses NaN
        raise ValueError(f"REPLICA_MAX_LAG_S：须为 0 到 3600 之间的秒数，而不是 {text!r}")
    return value


def _pg(url: str) -> str:
    """Tortoise names the asyncpg dialect "postgres"; accept the libpq spelling too."""
    if url.startswith("postgresql://"):
        return "postgres://" + url.removeprefix("postgresql://")
    return url


def parse_targets(text: str) -> dict[str, str]:
    """'name=url,name=url' → {name: url}; a malformed item is an error naming it."""
    targets: dict[str, str] = {}
    for item in filter(None, (part.strip() for part in text.split(","))):
        name, sep, url = item.partition("=")
        if not sep or not name.strip() or not url.strip().startswith(("http://", "https://")):
            raise ValueError(f"OUTBOX_TARGETS: expected name=http(s)://url, got {item!r}")
        targets[name.strip()] = url.strip()
    return targets


def parse_log_format(text: str) -> str:
    value = text.strip().lower()
    if value not in LOG_FORMATS:
        raise ValueError(f"LOG_FORMAT: expected text or json, got {text!r}")
    return value


_settings: Settings | None = None


def get_settings() -> Settings:
    global _settings
    if _settings is None:
        _settings = Settings.from_env()
    return _settings


def override_settings(settings: Settings | None) -> None:
    """Tests and the CLI set the settings explicitly; None re-reads the environment."""
    global _settings
    _settings = settings
