"""Partners watch subjects (issue 17): watch lists, and the change events written in the
same transaction as every change of a watched subject's public state.

Contract with the delivery side (webhooks, subscription): `models.WatchEvent` and
`queries.events_for_token`. See models.py for the ordering invariant of `position`.
"""
