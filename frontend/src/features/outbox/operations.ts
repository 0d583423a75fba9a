import { graphql } from '@/gql'

export const OutboxEventFields = graphql(`
  fragment OutboxEventFields on OutboxEvent {
    id
    key
    target
    targetName
    kind
    kindName
    payload
    status
    statusName
    attempts
    nextAttemptAt
    lastAttemptAt
    lastError
    deliveredAt
    createdAt
  }
`)

export const OutboxEventsQuery = graphql(`
  query OutboxEvents($status: [OutboxStatus!], $target: String, $first: Int!, $after: String) {
    outboxEvents(status: $status, target: $target, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          ...OutboxEventFields
        }
      }
    }
  }
`)

export const OutboxRequeueMutation = graphql(`
  mutation OutboxRequeue($ids: [ID!]!) {
    outboxRequeue(ids: $ids) {
      outboxEvents {
        id
        status
      }
      errors {
        ...OutboxErrorFields @unmask
      }
    }
  }
`)
