import { graphql } from '@/gql'

export const RepairFields = graphql(`
  fragment RepairFields on RepairApplication {
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
    channel
    applicantName
    rectification
    status
    statusName
    filedAt
    decidedAt
    decidedOn
    decisionReason
    decisionNo
    issuingUnit
    resultNotice {
      id
      ...NoticeFields
    }
    evidence {
      ...EvidenceInfoFields
    }
  }
`)

export const RepairApplicationsQuery = graphql(`
  query RepairApplications($status: [RepairStatus!], $subjectId: ID, $first: Int!, $after: String) {
    repairApplications(status: $status, subjectId: $subjectId, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          ...RepairFields
        }
      }
    }
  }
`)

export const RepairApplyMutation = graphql(`
  mutation RepairApply($input: RepairApplyInput!) {
    repairApply(input: $input) {
      repairApplication {
        id
        status
      }
      errors {
        ...RepairErrorFields @unmask
      }
    }
  }
`)

export const RepairApproveMutation = graphql(`
  mutation RepairApprove($id: ID!, $decisionNo: String!, $reason: String!) {
    repairApprove(id: $id, decisionNo: $decisionNo, reason: $reason) {
      repairApplication {
        id
        ...RepairFields
      }
      errors {
        ...RepairErrorFields @unmask
      }
    }
  }
`)

export const RepairRejectMutation = graphql(`
  mutation RepairReject($id: ID!, $reason: String!) {
    repairReject(id: $id, reason: $reason) {
      repairApplication {
        id
        ...RepairFields
      }
      errors {
        ...RepairErrorFields @unmask
      }
    }
  }
`)

export const RepairWithdrawMutation = graphql(`
  mutation RepairWithdraw($id: ID!) {
    repairWithdraw(id: $id) {
      repairApplication {
        id
        ...RepairFields
      }
      errors {
        ...RepairErrorFields @unmask
      }
    }
  }
`)
