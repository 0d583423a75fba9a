"""Change events carry only what the public lookup shows: with the demo data loaded and a
marker planted in every restricted value (the leak matrix's), no event of any watched
organisation holds a marker. (The leak matrix walks watchEventsPage as the watching token.)"""

from __future__ import annotations

import json

import pytest

from credit.accounts.models import Unit, User
from credit.api.tests.test_leak_matrix import _token, plant, watch_everything
from credit.demo.load import load_demo
from credit.watches.models import WatchEvent


async def test_events_hold_no_restricted_value(db: str) -> None:
    if db != "postgres":
        pytest.skip("the demo data set with markers: PostgreSQL only, like the leak matrix")
    await load_demo()
    enterprise = await User.get(username="enterprise")
    markers = await plant(enterprise.subject_id)  # type: ignore[arg-type]
    watcher = await _token(await Unit.get(code="SY-PROCURE"), [])
    await watch_everything(watcher)
    events = await WatchEvent.all()
    assert len(events) > 20
    stored = json.dumps([[e.before, e.after, e.reasons] for e in events], ensure_ascii=False)
    assert [m.text for m in markers if m.text in stored] == []
    assert "MKNOTE" not in stored and "MKPROV" not in stored
    assert any(e.after and e.after.get("records") for e in events)  # real content walked
