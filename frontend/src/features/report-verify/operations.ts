import { graphql } from '@/gql'

export const VerifyCreditReportQuery = graphql(`
  query VerifyCreditReport($uscc: String!, $asOf: Date!, $code: String!) {
    verifyCreditReport(uscc: $uscc, asOf: $asOf, code: $code) {
      valid
      subjectName
      asOf
      reason
    }
  }
`)
