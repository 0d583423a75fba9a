import { graphql } from '@/gql'

export const MySubjectSummaryQuery = graphql(`
  query MySubjectSummary {
    mySubject {
      id
      name
      uscc
    }
  }
`)
