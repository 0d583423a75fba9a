import { graphql } from '@/gql'

export const ListEntryRowFields = graphql(`
  fragment ListEntryRowFields on ListEntry {
    list
    since
    until
    decisionNo
    article
    subjectName
    uscc
    district {
      code
      name
    }
  }
`)

export const ListEntriesQuery = graphql(`
  query ListEntries($list: ListKind!, $district: String, $search: String, $first: Int!, $after: String) {
    listEntries(list: $list, district: $district, search: $search, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          ...ListEntryRowFields
        }
      }
    }
  }
`)

export const DistrictsQuery = graphql(`
  query Districts {
    districts {
      code
      name
    }
  }
`)
