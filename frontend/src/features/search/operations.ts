import { graphql } from '@/gql'

export const SubjectSearchResultFields = graphql(`
  fragment SubjectSearchResultFields on PublicSubject {
    uscc
    name
    kind
    district {
      code
      name
    }
    grade {
      level
    }
    lists {
      list
    }
  }
`)

export const SubjectSearchQuery = graphql(`
  query SubjectSearch($name: String!, $first: Int!, $after: String) {
    subjectSearch(name: $name, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          ...SubjectSearchResultFields
        }
      }
    }
  }
`)
