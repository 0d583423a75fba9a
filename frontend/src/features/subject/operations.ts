import { graphql } from '@/gql'

export const ReasonFields = graphql(`
  fragment ReasonFields on Reason {
    article
    rule
    summary
  }
`)

export const SubjectSummaryFields = graphql(`
  fragment SubjectSummaryFields on PublicSubject {
    uscc
    name
    kind
    idNumberMasked
    district {
      code
      name
    }
  }
`)

export const GradePanelFields = graphql(`
  fragment GradePanelFields on PublicSubject {
    grade {
      level
      reasons {
        ...ReasonFields
      }
    }
    reasons {
      ...ReasonFields
    }
  }
`)

export const SubjectListEntryFields = graphql(`
  fragment SubjectListEntryFields on SubjectListEntry {
    list
    since
    until
    decisionNo
    decisionDate
    article
    basis {
      recordId
      decisionNo
      decisionDate
      publicWindowEnded
      typeName
      summary
      publicUntil
    }
  }
`)

export const MeasureFields = graphql(`
  fragment MeasureFields on Measure {
    code
    name
    article
    kind
  }
`)

export const PublicRecordFields = graphql(`
  fragment PublicRecordFields on PublicRecord {
    id
    category
    type
    typeName
    summary
    decisionNo
    decisionDate
    occurredOn
    publishedOn
    issuingUnit
    publicUntil
  }
`)

export const SubjectProfileQuery = graphql(`
  query SubjectProfile($uscc: String!, $asOf: Date) {
    subject(uscc: $uscc, asOf: $asOf) {
      asOf
      grade {
        level
      }
      ...SubjectSummaryFields
      ...GradePanelFields
      lists {
        ...SubjectListEntryFields
      }
      measures {
        ...MeasureFields
      }
    }
  }
`)

export const SubjectRecordsQuery = graphql(`
  query SubjectRecords($uscc: String!, $asOf: Date, $first: Int!, $after: String) {
    subject(uscc: $uscc, asOf: $asOf) {
      records(first: $first, after: $after) {
        totalCount
        pageInfo {
          hasNextPage
          endCursor
        }
        edges {
          node {
            ...PublicRecordFields
          }
        }
      }
    }
  }
`)
