import { graphql } from '@/gql'

// Shared by the case features (objections, repairs, reports, reminders, notices).

export const EvidenceInfoFields = graphql(`
  fragment EvidenceInfoFields on EvidenceFileInfo {
    id
    name
    contentType
    size
    createdAt
  }
`)

export const EvidenceFileQuery = graphql(`
  query EvidenceFile($id: ID!) {
    evidenceFile(id: $id) {
      id
      name
      contentType
      base64
    }
  }
`)

/** A record as a case shows it (the records an objection or repair is about). */
export const CaseRecordFields = graphql(`
  fragment CaseRecordFields on CreditRecord {
    id
    status
    category
    type
    typeName
    summary
    occurredOn
    decisionNo
    decisionDate
    publishedAt
    situationName
  }
`)

export const CaseSubjectChoicesQuery = graphql(`
  query CaseSubjectChoices($search: String) {
    internalSubjects(search: $search, first: 20) {
      edges {
        node {
          id
          name
          uscc
          kind
        }
      }
    }
  }
`)

/** A subject's records to choose from in an objection or repair application (staff). */
export const CaseSubjectRecordsQuery = graphql(`
  query CaseSubjectRecords($id: ID!) {
    internalSubject(id: $id) {
      id
      name
      uscc
      kind
      records(first: 100) {
        edges {
          node {
            ...CaseRecordFields
          }
        }
      }
    }
  }
`)

/** The same for an enterprise account: its own subject. */
export const OwnSubjectRecordsQuery = graphql(`
  query OwnSubjectRecords {
    mySubject {
      id
      name
      uscc
      kind
      records(first: 100) {
        edges {
          node {
            ...CaseRecordFields
          }
        }
      }
    }
  }
`)
