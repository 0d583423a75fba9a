import { graphql } from '@/gql'

export const PasswordChangeMutation = graphql(`
  mutation PasswordChange($currentPassword: String!, $newPassword: String!) {
    passwordChange(currentPassword: $currentPassword, newPassword: $newPassword) {
      ok
      errors {
        ...AccountErrorFields @unmask
      }
    }
  }
`)
