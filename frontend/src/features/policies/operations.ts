import { graphql } from '@/gql'

export const PoliciesQuery = graphql(`
  query Policies {
    policies {
      code
      version
      name
      documentNo
      effectiveFrom
      params
    }
  }
`)

export const PolicyVersionCreateMutation = graphql(`
  mutation PolicyVersionCreate($code: String!, $params: JSON!, $effectiveFrom: Date!) {
    policyVersionCreate(code: $code, params: $params, effectiveFrom: $effectiveFrom) {
      policy {
        code
        version
      }
      errors {
        field
        message
        code
      }
    }
  }
`)
