import { graphql } from '@/gql'

export const PublicReportFields = graphql(`
  fragment PublicReportFields on PublicReport {
    id
    acknowledgementNo
    subjectId
    subject {
      id
      name
      uscc
    }
    receivedAt
    status
    statusName
    handlerUserId
    handlerName
    handledByMe
    content
    evidence {
      ...EvidenceInfoFields
    }
    triagedAt
    triageNote
    investigationStartedAt
    closedAt
    outcome
    outcomeNote
    recordId
  }
`)

export const PublicReportsQuery = graphql(`
  query PublicReports($status: [ReportStatus!], $mine: Boolean!, $first: Int!, $after: String) {
    publicReports(status: $status, mine: $mine, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          ...PublicReportFields
        }
      }
    }
  }
`)

export const ReportHandlersQuery = graphql(`
  query ReportHandlers {
    publicReportHandlers(first: 100) {
      edges {
        node {
          id
          displayName
          unitName
        }
      }
    }
  }
`)

export const ReportReporterQuery = graphql(`
  query ReportReporter($id: ID!) {
    publicReportReporter(id: $id) {
      name
      contact
    }
  }
`)

export const ReportCataloguesQuery = graphql(`
  query ReportCatalogues {
    catalogues {
      infoTypes {
        code
        name
        nameEn
        group
      }
      watchSituations {
        code
        name
        nameEn
      }
    }
  }
`)

export const ReportTriageMutation = graphql(`
  mutation ReportTriage($id: ID!, $handlerUserId: ID!, $note: String!) {
    reportTriage(id: $id, handlerUserId: $handlerUserId, note: $note) {
      publicReport {
        id
        ...PublicReportFields
      }
      errors {
        ...ReportErrorFields @unmask
      }
    }
  }
`)

export const ReportInvestigationStartMutation = graphql(`
  mutation ReportInvestigationStart($id: ID!) {
    reportInvestigationStart(id: $id) {
      publicReport {
        id
        ...PublicReportFields
      }
      errors {
        ...ReportErrorFields @unmask
      }
    }
  }
`)

export const ReportDismissMutation = graphql(`
  mutation ReportDismiss($id: ID!, $note: String!) {
    reportDismiss(id: $id, note: $note) {
      publicReport {
        id
        ...PublicReportFields
      }
      errors {
        ...ReportErrorFields @unmask
      }
    }
  }
`)

export const ReportCloseMutation = graphql(`
  mutation ReportClose($id: ID!, $substantiated: Boolean!, $note: String!) {
    reportClose(id: $id, substantiated: $substantiated, note: $note) {
      publicReport {
        id
        ...PublicReportFields
      }
      errors {
        ...ReportErrorFields @unmask
      }
    }
  }
`)

export const ReportRecordOpenMutation = graphql(`
  mutation ReportRecordOpen($id: ID!, $input: ReportRecordInput!) {
    reportRecordOpen(id: $id, input: $input) {
      publicReport {
        id
        ...PublicReportFields
      }
      creditRecord {
        id
        subjectId
      }
      errors {
        ...ReportErrorFields @unmask
      }
    }
  }
`)
