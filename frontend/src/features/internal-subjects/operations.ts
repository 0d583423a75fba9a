import { graphql } from '@/gql'

export const InternalSubjectsQuery = graphql(`
  query InternalSubjects($search: String, $district: String, $grade: GradeLevel, $first: Int!, $after: String) {
    internalSubjects(search: $search, district: $district, grade: $grade, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          uscc
          name
          kind
          district {
            code
            name
          }
          evaluation {
            grade {
              level
            }
            lists {
              list
            }
          }
        }
      }
    }
  }
`)

export const ConsoleDistrictsQuery = graphql(`
  query ConsoleDistricts {
    districts {
      code
      name
    }
  }
`)

export const InternalSubjectQuery = graphql(`
  query InternalSubject($id: ID!) {
    internalSubject(id: $id) {
      id
      uscc
      name
      kind
      idNumberMasked
      address
      legalRepresentative
      licenceNo
      policy {
        regulation
      }
      district {
        code
        name
      }
      nameHistory {
        oldName
        newName
        changedAt
        changedBy
      }
      nextChangeAt
      evaluation {
        asOf
        grade {
          level
        }
        ...GradePanelFields
        lists {
          list
          ...SubjectListEntryFields
        }
        measures {
          ...MeasureFields
        }
      }
      records(first: 100) {
        totalCount
        edges {
          node {
            id
            status
            type
            typeName
            occurredOn
            summary
            ...RecordDetailFields
          }
        }
      }
    }
  }
`)

export const ListEntryRemoveMutation = graphql(`
  mutation ListEntryRemove($subjectId: ID!, $list: ListKind!, $reason: String!) {
    listEntryRemove(subjectId: $subjectId, list: $list, reason: $reason) {
      removedRecordIds
      errors {
        ...RecordErrorFields @unmask
      }
    }
  }
`)
