"""The classification table: the level of every value field of the schema, in one place.

Fields that declare a permission, links to other objects and plumbing are classified by
rule (see credit.apicore.visibility); every other field is named here. A new field missing
from this table, or a name here that no longer exists, fails
credit/api/tests/test_classification.py, which also checks each level against the
permissions on every path that reaches the field.

Written as a data-protection officer would: a value is PUBLIC only if DOMAIN.md lets the
public see it; what the bureau writes about its own work (notes, who entered what, how
it was entered, the lifecycle) is INTERNAL; administration data is RESTRICTED to the
permission that manages it.
"""

from __future__ import annotations

from credit.accounts.permissions import Permission as P
from credit.apicore.visibility import (
    ENTERPRISE_SELF,
    INTERNAL,
    PUBLIC,
    Level,
    restricted,
)

# "Type": {level: "field field …"}
_BY_TYPE: dict[str, dict[Level, str]] = {
    # --- roots that declare no permission: open to everyone (their resolvers answer the
    # public view, or only about the caller itself)
    "Query": {
        PUBLIC: "subject subjects subjectSearch districts listEntries catalogues me "
        "verifyCreditReport commitmentKinds publicReportProgress latestPublications"
    },
    "Mutation": {PUBLIC: "login logout publicReportFile"},
    # --- the public view (DOMAIN.md: what may be public; natural persons masked)
    "PublicSubject": {PUBLIC: "uscc name idNumberMasked kind asOf isForecast"},
    "PublicRecord": {
        PUBLIC: "id category type typeName summary decisionNo decisionDate occurredOn "
        "publishedOn issuingUnit publicUntil"
    },
    "Grade": {PUBLIC: "level"},
    "Reason": {PUBLIC: "article rule summary"},
    "Measure": {PUBLIC: "code name article kind"},
    "SubjectListEntry": {PUBLIC: "list since until decisionNo decisionDate article recordIds"},
    # a counted record whose public window has closed: its number and date only
    "ListBasisRecord": {
        PUBLIC: "recordId decisionNo decisionDate publicWindowEnded typeName summary "
        "issuingUnit publishedOn publicUntil"
    },
    "ListEntry": {PUBLIC: "list since until decisionNo article subjectName uscc"},
    "District": {PUBLIC: "code name"},
    "LatestPublication": {PUBLIC: "subjectName uscc"},
    "CatalogueEntry": {PUBLIC: "code name nameEn article group monetary"},
    # what a regulation provides (its record types, grading, reminders): the rules themselves
    "PolicyVocabulary": {PUBLIC: "policyCode regulation grades reminderMethods"},
    "CreditReportVerification": {PUBLIC: "valid subjectName asOf reason"},
    # 信用承诺 (credit.commitments): kind, matter, dates, receiving unit and status are
    # public; a natural person's text is not (its resolver answers null)
    "CommitmentKind": {PUBLIC: "code name breachable template"},
    "PublicCommitment": {
        PUBLIC: "id kind kindName matter content signedOn validUntil receivingUnit status "
        "statusName"
    },
    # --- the caller's own account and sign-in
    "Me": {
        ENTERPRISE_SELF: "username displayName role unitCode unitName subjectId permissions "
        "csrfToken mustChangePassword"
    },
    "LoginPayload": {ENTERPRISE_SELF: "csrfToken"},
    "LogoutPayload": {PUBLIC: "ok"},
    "PublicReportFilePayload": {ENTERPRISE_SELF: "acknowledgementNo queryCode"},
    # the reporter's own lookup (number + query code): status and public outcome only
    "PublicReportProgress": {
        PUBLIC: "acknowledgementNo receivedOn status statusName closedOn outcome outcomeName"
    },
    # --- a subject's full file: the enterprise's own, and staff in scope
    "Subject": {
        ENTERPRISE_SELF: "id uscc name kind idNumberMasked address nextChangeAt "
        "legalRepresentative licenceNo"
    },
    # former names: the enterprise's own file and staff; who changed it needs VIEW_INTERNAL
    "SubjectNameChange": {ENTERPRISE_SELF: "oldName newName changedAt"},
    "CreditRecord": {
        # what the decision says, served on the enterprise (public once published)
        ENTERPRISE_SELF: "id subjectId subjectName category type typeName status statusName "
        "summary situationCode situationName inspectionPassed occurredOn decisionNo "
        "decisionDate issuingUnit legalBasis publishedAt",
        # the bureau's own work: notes (e.g. an informant), who provided and how it came in
        INTERNAL: "internalNote providerPerson providerUnit source publicUntilOverride "
        "retentionUntilOverride",
    },
    "Transition": {INTERNAL: "fromStatus toStatus at byUserId reason byUsername"},
    "Decision": {ENTERPRISE_SELF: "id documentNo decidedOn issuingUnit legalBasis appeals"},
    "Violation": {ENTERPRISE_SELF: "seq typeCode domain description"},
    "Commitment": {
        ENTERPRISE_SELF: "id subjectId kind kindName matter content fromTemplate signedOn "
        "validUntil receivingUnit status statusName withdrawnAt withdrawReason createdAt"
    },
    "Sanction": {ENTERPRISE_SELF: "kind kindName amountYuan"},
    # --- the enterprise's filings and the notices addressed to it
    "Objection": {
        ENTERPRISE_SELF: "id subjectId listKind recordIds publishedOn filingDeadline channel "
        "applicantName reasons status statusName filedOn filedAt acceptedOn handlingUnit "
        "dueOn dueProvisional dueWarning decidedAt decisionReason revokedRecordIds"
    },
    "RepairApplication": {
        ENTERPRISE_SELF: "id subjectId listKind recordIds channel applicantName rectification "
        "status statusName filedAt decidedAt decidedOn decisionReason decisionNo issuingUnit"
    },
    "Notice": {
        ENTERPRISE_SELF: "id subjectId kind kindName title body objectType objectId recordIds "
        "createdAt"
    },
    "EvidenceFileInfo": {ENTERPRISE_SELF: "id name contentType size sha256 createdAt"},
    "EvidenceFileContent": {ENTERPRISE_SELF: "id name contentType size sha256 createdAt base64"},
    # --- staff work
    "DashboardStats": {INTERNAL: "subjects returnedRecords"},
    "ReviewWarning": {INTERNAL: "code message"},
    "CountItem": {INTERNAL: "key label count"},
    "MonthCount": {INTERNAL: "month key count"},
    "DecisionPayload": {INTERNAL: "revokedRecordIds"},
    "ListEntryRemovePayload": {INTERNAL: "removedRecordIds"},
    "OpenObjection": {
        restricted(P.HANDLE_OBJECTIONS): "dueOn workingDaysLeft overdue dueSoon provisional warning"
    },
    "Reminder": {
        restricted(P.MANAGE_REMINDERS): "id subjectId grade gradeName method methodName heldAt "
        "place content recordIds intervieweeName intervieweeRole intervieweeTitle officers "
        "unitName pushedAt createdAt"
    },
    "ReminderProposal": {
        restricted(P.MANAGE_REMINDERS): "grade gradeName methods reasons recordIds"
    },
    # public reports (举报): the content only for the handler (its resolver), the reporter's
    # identity only through publicReportReporter
    "PublicReport": {
        restricted(P.HANDLE_REPORTS): "id acknowledgementNo subjectId receivedAt status "
        "statusName handlerUserId handlerName handledByMe content triagedAt triageNote "
        "investigationStartedAt closedAt outcome outcomeNote recordId"
    },
    "ReportHandler": {restricted(P.HANDLE_REPORTS): "id displayName unitName"},
    "ReporterIdentity": {restricted(P.HANDLE_REPORTS): "name contact"},
    "ImportSummary": {
        restricted(P.IMPORT_DECISIONS): "dryRun rows subjectsCreated subjectsUpdated "
        "decisionsCreated decisionsSkipped recordsCreated recordsSkipped subjectsReevaluated"
    },
    # the association's own work (credit.associations)
    "AssociationOverview": {
        restricted(P.SUBMIT_ASSOCIATION_RATINGS): "name memberCount pendingCount "
        "publishedCount rejectedCount"
    },
    "AssociationSubmission": {
        restricted(P.SUBMIT_ASSOCIATION_RATINGS): "id subjectId subjectName uscc rating ratedOn "
        "status statusName submittedAt publishedAt rejectReason"
    },
    "AssociationMember": {
        restricted(
            P.MANAGE_ASSOCIATION_MEMBERS
        ): "id subjectId subjectName uscc joinedOn leftAt lists"
    },
    "ImportRowError": {restricted(P.IMPORT_DECISIONS): "line field column message code"},
    # --- partners' watches (credit.watches): a token's own watch list and the change events
    # of its watched subjects (before/after hold only what the public lookup shows)
    "WatchAddPayload": {restricted(P.WATCH_SUBJECTS): "added"},
    "WatchRemovePayload": {restricted(P.WATCH_SUBJECTS): "removed"},
    "WatchResult": {restricted(P.WATCH_SUBJECTS): "input uscc outcome reason message"},
    "Watch": {restricted(P.WATCH_SUBJECTS): "uscc subjectName createdAt"},
    "WatchEventNode": {
        restricted(P.WATCH_SUBJECTS): "eventId uscc kind before after effectiveDate createdAt"
    },
    "WatchEventReason": {restricted(P.WATCH_SUBJECTS): "summary rule article"},
    "WatchEventPage": {restricted(P.WATCH_SUBJECTS): "endCursor hasNextPage"},
    # --- administration
    "AuditEvent": {
        restricted(P.VIEW_AUDIT): "id at actorUsername unitCode role action objectType "
        "objectId before after requestId clientAddr actionLabel objectLabel roleLabel "
        "actorName unitName"
    },
    "AuditChange": {restricted(P.VIEW_AUDIT): "field label before after literal"},
    "AuditActionChoice": {restricted(P.VIEW_AUDIT): "action label"},
    "User": {
        restricted(P.MANAGE_USERS): "id username displayName role unitId isActive lockedUntil "
        "mustChangePassword"
    },
    "Unit": {
        restricted(P.MANAGE_USERS): "id code name kind parentId jurisdictionId districtId isActive"
    },
    "AdminDistrict": {restricted(P.MANAGE_USERS): "id code name jurisdictionCode isActive"},
    "Jurisdiction": {restricted(P.MANAGE_USERS): "id code name policyCode"},
    "PasswordChangePayload": {ENTERPRISE_SELF: "ok"},
    "ApiToken": {
        restricted(P.MANAGE_API_TOKENS): "id name prefix unitId scopes rateLimitPerMinute "
        "createdAt expiresAt revokedAt"
    },
    "ApiTokenCreatePayload": {restricted(P.MANAGE_API_TOKENS): "token"},
    "Policy": {restricted(P.MANAGE_POLICIES): "code version name documentNo effectiveFrom params"},
    "PolicyParam": {restricted(P.MANAGE_POLICIES): "key label value"},
    "CalendarDay": {restricted(P.MANAGE_POLICIES): "date isWorkingDay source note"},
    "OutboxEvent": {
        restricted(P.VIEW_DELIVERIES): "id key target targetName kind kindName payload "
        "status statusName attempts nextAttemptAt lastAttemptAt lastError deliveredAt createdAt"
    },
    # --- partners watching subjects: webhook delivery (credit.watches.delivery)
    "WatchWebhook": {restricted(P.WATCH_SUBJECTS): "url createdAt updatedAt secretRotatedAt"},
    "WatchWebhookPayload": {restricted(P.WATCH_SUBJECTS): "secret"},
    "WatchWebhookRemovePayload": {restricted(P.WATCH_SUBJECTS): "removed"},
    # the delivery log: the administrator's (every token); a partner reaches only its own
    # (TRUSTED_PATHS)
    "WatchDelivery": {
        restricted(P.MANAGE_API_TOKENS): "id tokenId cursor uscc status statusName attempts "
        "nextAttemptAt firstAttemptAt lastAttemptAt lastStatusCode lastError deliveredAt "
        "createdAt eventId eventKind"
    },
    "WatchDeliveryAttempt": {
        restricted(P.MANAGE_API_TOKENS): "number outcome outcomeName startedAt finishedAt "
        "statusCode error durationMs"
    },
    "ApiTokenWatch": {
        restricted(P.MANAGE_API_TOKENS): "tokenId watchCount webhookUrl webhookUpdatedAt "
        "pendingCount deliveredCount failedCount"
    },
}

TABLE: dict[str, Level] = {
    f"{type_name}.{field}": level
    for type_name, groups in _BY_TYPE.items()
    for level, fields in groups.items()
    for field in fields.split()
}

# Paths a reader takes that the permission guards alone would count as a leak, and why
# they are not one ("Type.field@READER" → reason). The reader is not followed through them.
TRUSTED_PATHS: dict[str, str] = {
    "Query.watchDeliveries@PARTNER": (
        "the resolver answers only the calling token's own deliveries (events of subjects it "
        "watches, public fields only)"
    ),
    "Mutation.watchDeliveriesRedrive@PARTNER": (
        "re-drives and returns only the calling token's own deliveries"
    ),
}
