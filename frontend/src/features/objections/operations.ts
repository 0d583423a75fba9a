import { graphql } from '@/gql'

export const ObjectionFields = graphql(`
  fragment ObjectionFields on Objection {
    id
    subjectId
    subject {
      id
      name
      uscc
    }
    listKind
    recordIds
    records {
      ...CaseRecordFields
    }
    publishedOn
    filingDeadline
    channel
    applicantName
    reasons
    status
    statusName
    filedOn
    filedAt
    acceptedOn
    handlingUnit
    dueOn
    dueProvisional
    dueWarning
    decidedAt
    decisionReason
    revokedRecordIds
    resultNotice {
      id
      ...NoticeFields
    }
    evidence {
      ...EvidenceInfoFields
    }
  }
`)

export const OpenObjectionsQuery = graphql(`
  query OpenObjections($first: Int!, $after: String) {
    openObjections(first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          dueOn
          workingDaysLeft
          overdue
          dueSoon
          provisional
          warning
          objection {
            id
            ...ObjectionFields
          }
        }
      }
    }
  }
`)

export const ObjectionsQuery = graphql(`
  query Objections($status: [ObjectionStatus!], $subjectId: ID, $first: Int!, $after: String) {
    objections(status: $status, subjectId: $subjectId, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          ...ObjectionFields
        }
      }
    }
  }
`)


export const ObjectionFileMutation = graphql(`
  mutation ObjectionFile($input: ObjectionFileInput!) {
    objectionFile(input: $input) {
      objection {
        id
        status
        filingDeadline
      }
      errors {
        ...ObjectionErrorFields @unmask
      }
    }
  }
`)

export const ObjectionAcceptMutation = graphql(`
  mutation ObjectionAccept($id: ID!) {
    objectionAccept(id: $id) {
      objection {
        id
        ...ObjectionFields
      }
      errors {
        ...ObjectionErrorFields @unmask
      }
    }
  }
`)

export const ObjectionDeclineMutation = graphql(`
  mutation ObjectionDecline($id: ID!, $reason: String!) {
    objectionDecline(id: $id, reason: $reason) {
      objection {
        id
        ...ObjectionFields
      }
      errors {
        ...ObjectionErrorFields @unmask
      }
    }
  }
`)

export const ObjectionWithdrawMutation = graphql(`
  mutation ObjectionWithdraw($id: ID!) {
    objectionWithdraw(id: $id) {
      objection {
        id
        ...ObjectionFields
      }
      errors {
        ...ObjectionErrorFields @unmask
      }
    }
  }
`)

export const ObjectionDecideMutation = graphql(`
  mutation ObjectionDecide($id: ID!, $upheld: Boolean!, $reason: String!, $revokeRecordIds: [ID!]) {
    objectionDecide(id: $id, upheld: $upheld, reason: $reason, revokeRecordIds: $revokeRecordIds) {
      objection {
        id
        ...ObjectionFields
      }
      errors {
        ...ObjectionErrorFields @unmask
      }
    }
  }
`)
