import { graphql } from '@/gql'

export const CommitmentKindsQuery = graphql(`
  query CommitmentKinds {
    commitmentKinds {
      code
      name
      breachable
      template
    }
  }
`)

export const PublicCommitmentsQuery = graphql(`
  query PublicCommitments($uscc: String!, $asOf: Date, $first: Int!, $after: String) {
    subject(uscc: $uscc, asOf: $asOf) {
      commitments(first: $first, after: $after) {
        totalCount
        pageInfo {
          hasNextPage
          endCursor
        }
        edges {
          node {
            id
            kind
            kindName
            matter
            content
            signedOn
            validUntil
            receivingUnit
            status
            breaches {
              id
              typeName
              decisionNo
              decisionDate
              issuingUnit
              summary
            }
          }
        }
      }
    }
  }
`)

export const SubjectCommitmentsQuery = graphql(`
  query SubjectCommitments($id: ID!) {
    internalSubject(id: $id) {
      id
      kind
      commitments(first: 100) {
        totalCount
        edges {
          node {
            id
            kind
            kindName
            matter
            content
            signedOn
            validUntil
            receivingUnit
            status
            withdrawReason
            document {
              id
              name
            }
            breaches {
              id
              decisionNo
              occurredOn
              statusName
            }
          }
        }
      }
      records(first: 100) {
        edges {
          node {
            id
            type
            decisionNo
            occurredOn
          }
        }
      }
    }
  }
`)

export const CommitmentRegisterMutation = graphql(`
  mutation CommitmentRegister($input: CommitmentRegisterInput!) {
    commitmentRegister(input: $input) {
      commitment {
        id
      }
      errors {
        ...CommitmentErrorFields @unmask
      }
    }
  }
`)

export const CommitmentWithdrawMutation = graphql(`
  mutation CommitmentWithdraw($id: ID!, $reason: String!) {
    commitmentWithdraw(id: $id, reason: $reason) {
      commitment {
        id
        status
      }
      errors {
        ...CommitmentErrorFields @unmask
      }
    }
  }
`)

export const CommitmentBreachLinkMutation = graphql(`
  mutation CommitmentBreachLink($commitmentId: ID!, $recordId: ID!) {
    commitmentBreachLink(commitmentId: $commitmentId, recordId: $recordId) {
      commitment {
        id
      }
      errors {
        ...CommitmentErrorFields @unmask
      }
    }
  }
`)
