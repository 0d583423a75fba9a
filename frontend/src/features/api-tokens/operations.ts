import { graphql } from '@/gql'

export const ApiTokensQuery = graphql(`
  query ApiTokens {
    apiTokens {
      id
      name
      prefix
      unitId
      scopes
      rateLimitPerMinute
      createdAt
      expiresAt
      revokedAt
    }
  }
`)

export const PartnerUnitsQuery = graphql(`
  query PartnerUnits {
    units {
      id
      code
      name
      kind
    }
  }
`)

export const ApiTokenCreateMutation = graphql(`
  mutation ApiTokenCreate($name: String!, $unitCode: String!, $expiresAt: DateTime!, $scopes: [Permission!], $rateLimitPerMinute: Int!) {
    apiTokenCreate(name: $name, unitCode: $unitCode, expiresAt: $expiresAt, scopes: $scopes, rateLimitPerMinute: $rateLimitPerMinute) {
      token
      apiToken {
        id
        prefix
      }
      errors {
        ...AccountErrorFields @unmask
      }
    }
  }
`)

export const ApiTokenRevokeMutation = graphql(`
  mutation ApiTokenRevoke($id: ID!) {
    apiTokenRevoke(id: $id) {
      apiToken {
        id
        revokedAt
      }
      errors {
        ...AccountErrorFields @unmask
      }
    }
  }
`)
