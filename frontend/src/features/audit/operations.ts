import { graphql } from '@/gql'

export const AuditEventFields = graphql(`
  fragment AuditEventFields on AuditEvent {
    id
    at
    actorUsername
    unitCode
    role
    action
    objectType
    objectId
    before
    after
    requestId
    clientAddr
    actionLabel
    objectLabel
    roleLabel
    actorName
    unitName
    changes {
      field
      label
      before
      after
      literal
    }
  }
`)

export const AuditEventsQuery = graphql(`
  query AuditEvents($action: String, $objectType: String, $objectId: String, $first: Int!, $after: String) {
    auditEvents(action: $action, objectType: $objectType, objectId: $objectId, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          ...AuditEventFields
        }
      }
    }
  }
`)

export const AuditActionsQuery = graphql(`
  query AuditActions {
    auditActions {
      action
      label
    }
  }
`)
