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
        ...AccountErrorFields @unmask
      }
    }
  }
`)

export const LogoutMutation = graphql(`
  mutation Logout {
    logout {
      ok
      errors {
        ...AccountErrorFields @unmask
      }
    }
  }
`)
