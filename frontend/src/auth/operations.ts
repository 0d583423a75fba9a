import { graphql } from '@/gql'

export const MeFields = graphql(`
  fragment MeFields on Me {
    username
    displayName
    role
    unitCode
    unitName
    subjectId
    permissions
    mustChangePassword
  }
`)

export const MeQuery = graphql(`
  query Me {
    me {
      ...MeFields
    }
  }
`)

export const LoginMutation = graphql(`
  mutation Login($username: String!, $password: String!) {
    login(username: $username, password: $password) {
      csrfToken
      me {
        ...MeFields
      }
      errors {
        field
        message
        code
      }
    }
  }
`)

export const LogoutMutation = graphql(`
  mutation Logout {
    logout {
      ok
      errors {
        field
        message
        code
      }
    }
  }
`)
