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
      paramList {
        key
        label
        value
      }
    }
  }
`)

export const PolicyVersionCreateMutation = graphql(`
  mutation PolicyVersionCreate($code: String!, $params: JSON!, $effectiveFrom: Date!) {
    policyVersionCreate(code: $code, params: $params, effectiveFrom: $effectiveFrom) {
      policy {
        code
        name
        version
      }
      errors {
        ...PolicyErrorFields @unmask
      }
    }
  }
`)
