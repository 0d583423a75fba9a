"""Delivery of watch events (issue 17, item 3): signed webhooks with retries and a
delivery log, and the `watchEvents` GraphQL subscription over WebSocket."""
