import { graphql } from '@/gql'

export const SubjectFormFields = graphql(`
  fragment SubjectFormFields on Subject {
    id
    name
    kind
    uscc
    idNumberMasked
    address
    legalRepresentative
    licenceNo
    district {
      code
      name
    }
  }
`)

export const ManageableDistrictsQuery = graphql(`
  query ManageableDistricts {
    manageableDistricts {
      code
      name
    }
  }
`)

export const SubjectFormQuery = graphql(`
  query SubjectForm($id: ID!) {
    manageableDistricts {
      code
      name
    }
    internalSubject(id: $id) {
      ...SubjectFormFields
    }
  }
`)

export const SubjectCreateMutation = graphql(`
  mutation SubjectCreate($input: SubjectCreateInput!) {
    subjectCreate(input: $input) {
      subject {
        id
      }
      duplicateOf {
        id
        name
      }
      errors {
        ...SubjectErrorFields @unmask
      }
    }
  }
`)

export const SubjectUpdateMutation = graphql(`
  mutation SubjectUpdate($id: ID!, $input: SubjectUpdateInput!) {
    subjectUpdate(id: $id, input: $input) {
      subject {
        id
      }
      duplicateOf {
        id
        name
      }
      errors {
        ...SubjectErrorFields @unmask
      }
    }
  }
`)
