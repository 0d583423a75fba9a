"""Workflows around the records: objections (异议), credit repair (信用修复), reminders and
interviews (信用提醒、诚信约谈), public reports (举报), notices (告知) and publication to
the public sites and the municipal platform through a transactional outbox.

Plain async services: each takes the caller's transaction `conn` and the `actor`; the
GraphQL mutations over them declare permissions and write the audit event.
"""
