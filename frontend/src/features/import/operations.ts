import { graphql } from '@/gql'

export const DecisionsImportMutation = graphql(`
  mutation DecisionsImport($content: String!, $format: ImportFormat!, $dryRun: Boolean!) {
    decisionsImport(content: $content, format: $format, dryRun: $dryRun) {
      summary {
        dryRun
        rows
        subjectsCreated
        subjectsUpdated
        decisionsCreated
        decisionsSkipped
        recordsCreated
        recordsSkipped
        subjectsReevaluated
      }
      errors {
        ...UserErrorFields @unmask
        line
        column
      }
    }
  }
`)
