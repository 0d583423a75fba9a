import { graphql } from '@/gql'

export const ReportSubjectQuery = graphql(`
  query ReportSubject($uscc: String!) {
    subject(uscc: $uscc) {
      uscc
      name
    }
  }
`)

export const PublicReportFileMutation = graphql(`
  mutation PublicReportFile(
    $uscc: String!
    $content: String!
    $reporterName: String!
    $reporterContact: String!
    $evidence: [EvidenceFileInput!]
  ) {
    publicReportFile(
      uscc: $uscc
      content: $content
      reporterName: $reporterName
      reporterContact: $reporterContact
      evidence: $evidence
    ) {
      acknowledgementNo
      queryCode
      errors {
        ...ReportErrorFields @unmask
      }
    }
  }
`)

export const PublicReportProgressQuery = graphql(`
  query PublicReportProgress($acknowledgementNo: String!, $queryCode: String!) {
    publicReportProgress(acknowledgementNo: $acknowledgementNo, queryCode: $queryCode) {
      acknowledgementNo
      receivedOn
      status
      statusName
      closedOn
      outcome
      outcomeName
    }
  }
`)
