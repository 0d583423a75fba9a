import { graphql } from '@/gql'

export const DashboardQuery = graphql(`
  query Dashboard {
    policyVocabularies {
      policyCode
      grades
      reminderMethods
    }
    dashboard {
      subjects
      returnedRecords
      grades {
        key
        label
        count
      }
      lists {
        key
        label
        count
      }
      recordsByDistrict {
        key
        label
        count
      }
      recordsByStatus {
        key
        label
        count
      }
      listingsByMonth {
        month
        key
        count
      }
      objectionsByDeadline {
        key
        label
        count
      }
    }
  }
`)
