"""/metrics (issue 13 item 4): a real server with two workers (prometheus-client's
multiprocess mode), scraped before and after a few lookups."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import httpx
import pytest
from prometheus_client.parser import text_string_to_metric_families

from credit.api.tests.servers import app_server
from credit.core import clock
from credit.core.cache import Cache
from credit.core.settings import Settings
from credit.creditreport.routes import REPORTS_PER_MINUTE
from credit.grades.models import Evaluation
from credit.outbox.services import enqueue
from credit.testing import make_subject

LOOKUP = "query LookUp($u: String!) { subject(uscc: $u) { name } }"


def value(text: str, name: str, **labels: str) -> float:
    """A sample's value in a scrape (0 when absent: a counter not yet incremented)."""
    for family in text_string_to_metric_families(text):
        for sample in family.samples:
            if sample.name == name and all(sample.labels.get(k) == v for k, v in labels.items()):
                return float(sample.value)
    return 0.0


@pytest.fixture
async def server(db: str, cache: Cache, settings: Settings, tmp_path: Path):
    env = {"WORKERS": "2", "METRICS_ALLOW": "127.0.0.1"}
    async with app_server(settings, tmp_path, **env) as (url, _):
        yield url


async def scrape(client: httpx.AsyncClient) -> str:
    response = await client.get("/metrics")
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith("text/plain")
    return response.text


async def test_counters_move_with_lookups_across_workers(settings: Settings, server: str) -> None:
    # given: a subject and an undelivered outbox event (no OUTBOX_TARGETS: it waits)
    subject = await make_subject()
    await enqueue(None, key="metrics-test", target="credit_shenyang", kind="t", payload={})
    async with httpx.AsyncClient(base_url=server) as client:
        before = await scrape(client)
        # when: three lookups of one subject, and a burst of report requests
        for _ in range(3):
            body = {"query": LOOKUP, "variables": {"u": subject.uscc}}
            r = await client.post("/graphql", json=body)
            assert r.json()["data"]["subject"]["name"] == subject.name
        for _ in range(REPORTS_PER_MINUTE * 2 + 2):
            if (await client.get("/reports/0.pdf")).status_code == 429:
                break
        after = await scrape(client)

    # then: the counters moved, summed over both workers
    def delta(name: str, **labels: str) -> float:
        return value(after, name, **labels) - value(before, name, **labels)

    assert delta("credit_requests_total", operation="LookUp", outcome="ok") == 3
    assert delta("credit_request_duration_seconds_count", operation="LookUp", outcome="ok") == 3
    hits = delta("credit_public_cache_requests_total", result="hit")
    misses = delta("credit_public_cache_requests_total", result="miss")
    assert hits + misses == 3 and misses >= 1
    if settings.redis_url:  # one shared cache: only the first lookup misses
        assert (hits, misses) == (2, 1)
    assert delta("credit_rate_limit_refusals_total", limit="report") >= 1
    assert delta("credit_requests_total", operation="creditReportPdf", outcome="RATE_LIMITED") >= 1
    # read from the database at scrape time
    assert value(after, "credit_outbox_events", status="pending", target="credit_shenyang") == 1


async def test_sweep_lag_and_pool_use(app_client: httpx.AsyncClient, settings: Settings) -> None:
    # in-process (no lifespan, so no sweeper races the stale evaluation away)
    # given: an evaluation whose next change passed an hour ago
    stale = await make_subject(name="沈阳过期评价有限公司")
    await Evaluation.create(
        subject_id=stale.id,
        policy_code="shenyang-jifang-2018",
        policy_version=1,
        computed_at=clock.now() - timedelta(days=2),
        next_change_at=clock.now() - timedelta(hours=1),
    )
    # when
    text = await scrape(app_client)
    # then
    assert value(text, "credit_evaluations_stale") == 1
    assert value(text, "credit_evaluation_sweep_lag_seconds") >= 3600
    if settings.database_url.startswith("postgres"):
        assert value(text, "credit_db_pool_connections", state="max") > 0
        assert value(text, "credit_db_pool_connections", state="in_use") >= 0


async def test_an_address_not_in_metrics_allow_is_refused(server: str) -> None:
    transport = httpx.AsyncHTTPTransport(local_address="127.0.0.2")
    async with httpx.AsyncClient(transport=transport, base_url=server) as outsider:
        response = await outsider.get("/metrics")
        # nor does a forwarded header help: this server trusts no proxy
        spoofed = await outsider.get("/metrics", headers={"X-Forwarded-For": "127.0.0.1"})
    assert response.status_code == 403 and spoofed.status_code == 403
    assert "credit_requests_total" not in response.text
