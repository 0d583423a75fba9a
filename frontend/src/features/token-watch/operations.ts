import { graphql } from '@/gql'

export const TokenWatchQuery = graphql(`
  query TokenWatch($tokenId: ID!) {
    apiTokenWatch(tokenId: $tokenId) {
      tokenId
      watchCount
      webhookUrl
      webhookUpdatedAt
      pendingCount
      deliveredCount
      failedCount
    }
    apiTokens {
      id
      name
      prefix
    }
  }
`)

export const TokenWatchDeliveriesQuery = graphql(`
  query TokenWatchDeliveries($tokenId: ID!, $status: WatchDeliveryStatus, $first: Int!, $after: String) {
    apiTokenWatchDeliveries(tokenId: $tokenId, status: $status, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        cursor
        node {
          id
          uscc
          eventId
          eventKind
          status
          attempts
          nextAttemptAt
          lastAttemptAt
          lastStatusCode
          lastError
          deliveredAt
          createdAt
          attemptLog {
            number
            outcome
            startedAt
            finishedAt
            statusCode
            error
            durationMs
          }
        }
      }
    }
  }
`)

export const TokenWatchRedriveMutation = graphql(`
  mutation TokenWatchRedrive($ids: [ID!]!) {
    apiTokenWatchDeliveriesRedrive(ids: $ids) {
      deliveries {
        id
        status
      }
      errors {
        ...WatchErrorFields @unmask
      }
    }
  }
`)
