"""The credit report (信用报告): a subject's public credit information as a Chinese PDF,
with a verification code that the public site checks (GET /reports/{uscc}.pdf, and the
GraphQL query verifyCreditReport)."""
