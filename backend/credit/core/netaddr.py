"""Who is calling: the peer's address, or, when the peer is a trusted reverse proxy, the
address it forwarded. Only a proxy listed in TRUSTED_PROXIES is believed, so a client
cannot pick its own address (to dodge a rate limit or blur the audit trail)."""

from __future__ import annotations

import ipaddress
from collections.abc import Sequence

Network = ipaddress.IPv4Network | ipaddress.IPv6Network
Networks = tuple[Network, ...]


def parse_networks(variable: str, text: str) -> Networks:
    """'10.0.0.1, 172.28.0.0/24, ::1' → networks; a bad item is an error naming it."""
    networks: list[Network] = []
    for item in filter(None, (part.strip() for part in text.split(","))):
        try:
            networks.append(ipaddress.ip_network(item, strict=False))
        except ValueError:
            raise ValueError(
                f"{variable}: expected comma-separated addresses or CIDRs, got {item!r}"
            ) from None
    return tuple(networks)


def _address(text: str) -> ipaddress.IPv4Address | ipaddress.IPv6Address | None:
    text = text.strip()
    if text.startswith("[") and "]" in text:  # "[::1]:443" as some proxies write it
        text = text[1 : text.index("]")]
    try:
        address = ipaddress.ip_address(text)
    except ValueError:
        return None
    # An IPv4 client seen through an IPv6 socket: count it as the IPv4 address.
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        return address.ipv4_mapped
    return address


def is_in(host: str, networks: Sequence[Network]) -> bool:
    address = _address(host)
    return address is not None and any(address in network for network in networks)


def client_address(
    peer: str, forwarded_for: str | None, real_ip: str | None, trusted: Sequence[Network]
) -> str:
    """The caller's address. From an untrusted peer the headers are ignored. From a trusted
    proxy: the right-most X-Forwarded-For entry that is not itself a trusted proxy (every
    entry to its left could have been written by the client), else X-Real-IP."""
    if not trusted or not is_in(peer, trusted):
        return peer
    if forwarded_for:
        hops = [hop.strip() for hop in forwarded_for.split(",")]
        for hop in reversed(hops):
            address = _address(hop)
            if address is None:
                # Garbage where a proxy should have written an address: believe nothing
                # further left, and keep the proxy's own address.
                return peer
            if not any(address in network for network in trusted):
                return str(address)
        first = _address(hops[0])
        return str(first) if first is not None else peer
    if real_ip:
        address = _address(real_ip)
        if address is not None:
            return str(address)
    return peer
