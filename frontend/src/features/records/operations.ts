import { graphql } from '@/gql'

export const CatalogueEntryFields = graphql(`
  fragment CatalogueEntryFields on CatalogueEntry {
    code
    name
    nameEn
    article
    group
  }
`)

export const CataloguesQuery = graphql(`
  query Catalogues {
    catalogues {
      watchSituations {
        ...CatalogueEntryFields
      }
      infoTypes {
        ...CatalogueEntryFields
      }
      sanctionKinds {
        ...CatalogueEntryFields
      }
      violationDomains {
        ...CatalogueEntryFields
      }
    }
  }
`)

export const DecisionFields = graphql(`
  fragment DecisionFields on Decision {
    id
    documentNo
    decidedOn
    issuingUnit
    legalBasis
    violations {
      seq
      typeCode
      domain
      description
      sanctions {
        kind
        kindName
        amountYuan
      }
    }
  }
`)

export const TransitionFields = graphql(`
  fragment TransitionFields on Transition {
    fromStatus
    toStatus
    at
    byUserId
    byUsername
    reason
  }
`)

export const RecordDetailFields = graphql(`
  fragment RecordDetailFields on CreditRecord {
    id
    subjectId
    subjectName
    category
    type
    typeName
    status
    summary
    internalNote
    situationCode
    situationName
    inspectionPassed
    occurredOn
    decisionNo
    decisionDate
    issuingUnit
    legalBasis
    publishedAt
    publicUntilOverride
    retentionUntilOverride
    providerUnit
    providerPerson
    source
    returnReason
    reviewWarnings {
      code
      message
    }
    decision {
      ...DecisionFields
    }
    transitions {
      ...TransitionFields
    }
  }
`)

export const CreditRecordQuery = graphql(`
  query CreditRecord($id: ID!) {
    creditRecord(id: $id) {
      id
      ...RecordDetailFields
    }
  }
`)

/** What a record's create, edit and lifecycle steps return: enough to go to it and its subject. */
export const RecordStepFields = graphql(`
  fragment RecordStepFields on CreditRecord {
    id
    status
    subjectId
  }
`)

export const CreditRecordUpdateMutation = graphql(`
  mutation CreditRecordUpdate($id: ID!, $input: RecordFieldsInput!) {
    creditRecordUpdate(id: $id, input: $input) {
      creditRecord {
        ...RecordStepFields
      }
      errors {
        ...RecordErrorFields @unmask
      }
    }
  }
`)

export const CreditRecordDeleteMutation = graphql(`
  mutation CreditRecordDelete($id: ID!) {
    creditRecordDelete(id: $id) {
      creditRecord {
        ...RecordStepFields
      }
      errors {
        ...RecordErrorFields @unmask
      }
    }
  }
`)

export const CreditRecordReopenMutation = graphql(`
  mutation CreditRecordReopen($id: ID!) {
    creditRecordReopen(id: $id) {
      creditRecord {
        ...RecordStepFields
      }
      errors {
        ...RecordErrorFields @unmask
      }
    }
  }
`)

export const CreditRecordsQuery = graphql(`
  query CreditRecords($status: [RecordStatus!], $type: String, $first: Int!, $after: String) {
    creditRecords(status: $status, type: $type, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          ...RecordDetailFields
        }
      }
    }
  }
`)

export const CreditRecordCreateMutation = graphql(`
  mutation CreditRecordCreate($input: CreditRecordCreateInput!) {
    creditRecordCreate(input: $input) {
      creditRecord {
        ...RecordStepFields
      }
      errors {
        ...RecordErrorFields @unmask
      }
    }
  }
`)

export const CreditRecordSubmitMutation = graphql(`
  mutation CreditRecordSubmit($id: ID!) {
    creditRecordSubmit(id: $id) {
      creditRecord {
        ...RecordStepFields
      }
      errors {
        ...RecordErrorFields @unmask
      }
    }
  }
`)

export const CreditRecordVerifyMutation = graphql(`
  mutation CreditRecordVerify($id: ID!, $comment: String!) {
    creditRecordVerify(id: $id, comment: $comment) {
      creditRecord {
        ...RecordStepFields
      }
      errors {
        ...RecordErrorFields @unmask
      }
    }
  }
`)

export const CreditRecordRejectMutation = graphql(`
  mutation CreditRecordReject($id: ID!, $reason: String!) {
    creditRecordReject(id: $id, reason: $reason) {
      creditRecord {
        ...RecordStepFields
      }
      errors {
        ...RecordErrorFields @unmask
      }
    }
  }
`)

export const CreditRecordPublishMutation = graphql(`
  mutation CreditRecordPublish($id: ID!) {
    creditRecordPublish(id: $id) {
      creditRecord {
        ...RecordStepFields
      }
      errors {
        ...RecordErrorFields @unmask
      }
    }
  }
`)

export const CreditRecordRevokeMutation = graphql(`
  mutation CreditRecordRevoke($id: ID!, $reason: String!) {
    creditRecordRevoke(id: $id, reason: $reason) {
      creditRecord {
        ...RecordStepFields
      }
      errors {
        ...RecordErrorFields @unmask
      }
    }
  }
`)

export const EntrySubjectQuery = graphql(`
  query EntrySubject($id: ID!) {
    internalSubject(id: $id) {
      id
      name
      uscc
      district {
        name
      }
    }
  }
`)

export const SubjectChoicesQuery = graphql(`
  query SubjectChoices($search: String) {
    internalSubjects(search: $search, first: 20) {
      edges {
        node {
          id
          name
          uscc
        }
      }
    }
  }
`)
