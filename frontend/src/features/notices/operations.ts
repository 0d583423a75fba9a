import { graphql } from '@/gql'

export const NoticeFields = graphql(`
  fragment NoticeFields on Notice {
    id
    kind
    kindName
    title
    body
    createdAt
    subject {
      id
      name
      uscc
    }
  }
`)

export const NoticesQuery = graphql(`
  query Notices($subjectId: ID, $first: Int!, $after: String) {
    notices(subjectId: $subjectId, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          kind
          kindName
          title
          objectType
          objectId
          createdAt
          subject {
            id
            name
          }
          ...NoticeFields
        }
      }
    }
  }
`)
