import { graphql } from '@/gql'

export const AppealDecisionFields = graphql(`
  fragment AppealDecisionFields on Decision {
    id
    documentNo
    decidedOn
    issuingUnit
    legalBasis
    appeals
  }
`)

export const AppealDecisionsQuery = graphql(`
  query AppealDecisions($documentNo: String, $first: Int!, $after: String) {
    decisions(documentNo: $documentNo, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          ...AppealDecisionFields
        }
      }
    }
  }
`)

export const DecisionAppealRecordMutation = graphql(`
  mutation DecisionAppealRecord(
    $decisionId: ID!
    $kind: AppealKind!
    $filedOn: Date!
    $authority: String!
    $caseNo: String!
    $note: String!
  ) {
    decisionAppealRecord(decisionId: $decisionId, kind: $kind, filedOn: $filedOn, authority: $authority, caseNo: $caseNo, note: $note) {
      decision {
        ...AppealDecisionFields
      }
      revokedRecordIds
      errors {
        ...AppealErrorFields @unmask
      }
    }
  }
`)

export const DecisionAppealOutcomeMutation = graphql(`
  mutation DecisionAppealOutcome($decisionId: ID!, $index: Int!, $outcome: AppealOutcome!, $decidedOn: Date!, $note: String!) {
    decisionAppealOutcomeSet(decisionId: $decisionId, index: $index, outcome: $outcome, decidedOn: $decidedOn, note: $note) {
      decision {
        ...AppealDecisionFields
      }
      revokedRecordIds
      errors {
        ...AppealErrorFields @unmask
      }
    }
  }
`)
