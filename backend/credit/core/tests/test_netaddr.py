"""Whose forwarded address is believed (TRUSTED_PROXIES), as plain functions."""

from __future__ import annotations

import pytest

from credit.core.netaddr import client_address, is_in, parse_networks
from credit.core.settings import Settings

PROXY = parse_networks("TRUSTED_PROXIES", "10.0.0.5, 172.28.0.0/24")


def test_an_untrusted_peer_is_taken_as_it_is_whatever_it_claims() -> None:
    assert client_address("198.51.100.1", "1.2.3.4", "5.6.7.8", PROXY) == "198.51.100.1"
    assert client_address("127.0.0.1", "1.2.3.4", None, ()) == "127.0.0.1"


def test_from_a_trusted_proxy_the_right_most_untrusted_entry_wins() -> None:
    # the client wrote "1.1.1.1", nginx appended the real address 203.0.113.9
    assert client_address("10.0.0.5", "1.1.1.1, 203.0.113.9", None, PROXY) == "203.0.113.9"
    # two proxies of ours in a row are skipped
    chain = "1.1.1.1, 203.0.113.9, 172.28.0.3"
    assert client_address("10.0.0.5", chain, None, PROXY) == "203.0.113.9"


def test_x_real_ip_only_without_x_forwarded_for() -> None:
    assert client_address("10.0.0.5", None, "203.0.113.4", PROXY) == "203.0.113.4"
    assert client_address("10.0.0.5", "203.0.113.9", "203.0.113.4", PROXY) == "203.0.113.9"


def test_garbage_from_the_proxy_keeps_the_proxy_address() -> None:
    assert client_address("10.0.0.5", "1.1.1.1, not-an-ip", None, PROXY) == "10.0.0.5"
    assert client_address("10.0.0.5", None, "<script>", PROXY) == "10.0.0.5"


def test_ipv4_mapped_and_bracketed_addresses() -> None:
    assert is_in("::ffff:10.0.0.5", PROXY)
    assert client_address("10.0.0.5", "[2001:db8::1]", None, PROXY) == "2001:db8::1"


def test_settings_name_the_variable_and_the_bad_item() -> None:
    with pytest.raises(ValueError, match=r"TRUSTED_PROXIES.*'10\.0\.0\.300'"):
        Settings.from_env({"TRUSTED_PROXIES": "10.0.0.1,10.0.0.300"})
    with pytest.raises(ValueError, match=r"METRICS_ALLOW.*'localhost'"):
        Settings.from_env({"METRICS_ALLOW": "localhost"})
    with pytest.raises(ValueError, match=r"LOG_FORMAT.*'xml'"):
        Settings.from_env({"LOG_FORMAT": "xml"})


def test_defaults_trust_no_proxy_and_let_only_loopback_read_metrics() -> None:
    s = Settings.from_env({})
    assert s.trusted_proxies == () and s.log_format == "text"
    assert is_in("127.0.0.1", s.metrics_allow) and is_in("::1", s.metrics_allow)
    assert not is_in("10.0.0.1", s.metrics_allow)
