import { graphql } from '@/gql'

export const UnitsQuery = graphql(`
  query Units {
    units {
      id
      code
      name
      kind
      parentId
    }
  }
`)

export const UsersQuery = graphql(`
  query Users($first: Int!, $after: String) {
    users(first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          username
          displayName
          role
          unitId
          isActive
          lockedUntil
        }
      }
    }
  }
`)

export const UserCreateMutation = graphql(`
  mutation UserCreate($input: UserCreateInput!) {
    userCreate(input: $input) {
      user {
        id
        username
      }
      errors {
        field
        message
        code
      }
    }
  }
`)

export const UserSetActiveMutation = graphql(`
  mutation UserSetActive($id: ID!, $active: Boolean!) {
    userSetActive(id: $id, active: $active) {
      user {
        id
        isActive
      }
      errors {
        field
        message
        code
      }
    }
  }
`)
