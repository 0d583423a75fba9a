"""The request the benchmark sends: the public lookup of one subject by USCC, with its
first 10 public records (what a partner's procurement check or the public search page
asks), as a GraphQL POST. The baseline answers the same body with the same JSON."""

from __future__ import annotations

import json

LOOKUP_QUERY = """query Lookup($uscc: String!) {
  subject(uscc: $uscc) {
    uscc name kind idNumberMasked asOf
    district { code name }
    grade { level reasons { article rule summary } }
    lists { list since until decisionNo article }
    reasons { article rule summary }
    measures { code name article kind }
    records(first: 10) {
      totalCount
      edges { node { id category type typeName summary decisionNo decisionDate
                     occurredOn publishedOn issuingUnit publicUntil } }
    }
  }
}"""

_HEAD = b'{"query":' + json.dumps(LOOKUP_QUERY).encode() + b',"operationName":"Lookup"'


def body(uscc: str, nonce: int | None = None) -> bytes:
    """The JSON body. `nonce` (an extra, unused variable) makes a body unique when a cold
    run has used every code once: the public cache keys on the body's digest."""
    variables = {"uscc": uscc} if nonce is None else {"uscc": uscc, "nonce": nonce}
    return _HEAD + b',"variables":' + json.dumps(variables).encode() + b"}"


def client_address(i: int, pool: int = 1024) -> str:
    """A client address for X-Forwarded-For (the product trusts it from loopback): the
    anonymous rate limit is 600/min per address, so load from one address would be
    refused after 600 requests. Round-robin over 1,024 addresses (a steady population
    of clients) stays under the limit up to ~10,000 req/s, while every request still
    pays the product's rate-limit INCR (and the first of each address in a minute, the
    EXPIRE)."""
    k = i % pool
    return f"10.{(k >> 16) & 255}.{(k >> 8) & 255}.{k & 255}"
