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

export const ListCountsQuery = graphql(`
  query ListCounts {
    red: listEntries(list: RED, first: 0) {
      totalCount
    }
    watch: listEntries(list: WATCH, first: 0) {
      totalCount
    }
    black: listEntries(list: BLACK, first: 0) {
      totalCount
    }
  }
`)

export const LatestPublicationsQuery = graphql(`
  query LatestPublications($first: Int!, $after: String) {
    latestPublications(first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          subjectName
          uscc
          district {
            name
          }
          record {
            id
            typeName
            summary
            decisionNo
            decisionDate
            publishedOn
            issuingUnit
          }
        }
      }
    }
  }
`)
