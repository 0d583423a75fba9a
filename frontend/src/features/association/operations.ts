import { graphql } from '@/gql'

export const AssociationOverviewQuery = graphql(`
  query AssociationOverview {
    associationOverview {
      name
      memberCount
      pendingCount
      publishedCount
      rejectedCount
    }
  }
`)

export const AssociationMembersQuery = graphql(`
  query AssociationMembers($search: String, $first: Int!, $after: String) {
    associationMembers(search: $search, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        hasPreviousPage
        endCursor
      }
      edges {
        node {
          id
          subjectId
          subjectName
          uscc
          joinedOn
          lists
        }
      }
    }
  }
`)

export const AssociationSubmissionsQuery = graphql(`
  query AssociationSubmissions($status: [RecordStatus!], $first: Int!, $after: String) {
    associationSubmissions(status: $status, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        hasPreviousPage
        endCursor
      }
      edges {
        node {
          id
          subjectName
          uscc
          rating
          ratedOn
          status
          submittedAt
          publishedAt
          rejectReason
        }
      }
    }
  }
`)

export const AssociationMemberAddMutation = graphql(`
  mutation AssociationMemberAdd($uscc: String!, $joinedOn: Date!) {
    associationMemberAdd(uscc: $uscc, joinedOn: $joinedOn) {
      member {
        id
      }
      errors {
        ...AssociationErrorFields @unmask
      }
    }
  }
`)

export const AssociationMemberRemoveMutation = graphql(`
  mutation AssociationMemberRemove($id: ID!) {
    associationMemberRemove(id: $id) {
      member {
        id
      }
      errors {
        ...AssociationErrorFields @unmask
      }
    }
  }
`)

export const AssociationRatingSubmitMutation = graphql(`
  mutation AssociationRatingSubmit($uscc: String!, $rating: String!, $ratedOn: Date!, $note: String!) {
    associationRatingSubmit(uscc: $uscc, rating: $rating, ratedOn: $ratedOn, note: $note) {
      submission {
        id
        status
      }
      errors {
        ...AssociationErrorFields @unmask
      }
    }
  }
`)
