import { graphql } from '@/gql'

/** What the policies of the caller's jurisdictions know (grading, reminders). */
export const PolicyVocabulariesQuery = graphql(`
  query PolicyVocabularies {
    policyVocabularies {
      policyCode
      grades
      reminderMethods
    }
  }
`)

/** The record types of one subject's policy (the record form's type selector). */
export const SubjectRecordTypesQuery = graphql(`
  query SubjectRecordTypes($id: ID!) {
    internalSubject(id: $id) {
      id
      policy {
        policyCode
        regulation
        recordTypes {
          ...CatalogueEntryFields
        }
      }
    }
  }
`)
