import { graphql } from '@/gql'

export const UnitsQuery = graphql(`
  query Units {
    units {
      id
      code
      name
      kind
      parentId
      jurisdictionId
      districtId
      isActive
    }
  }
`)

export const UsersQuery = graphql(`
  query Users($first: Int!, $after: String) {
    users(first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          username
          displayName
          role
          unitId
          isActive
          lockedUntil
          mustChangePassword
        }
      }
    }
  }
`)

export const UserCreateMutation = graphql(`
  mutation UserCreate($input: UserCreateInput!) {
    userCreate(input: $input) {
      user {
        id
        username
      }
      errors {
        ...AccountErrorFields @unmask
      }
    }
  }
`)

export const UserSetActiveMutation = graphql(`
  mutation UserSetActive($id: ID!, $active: Boolean!) {
    userSetActive(id: $id, active: $active) {
      user {
        id
        isActive
      }
      errors {
        ...AccountErrorFields @unmask
      }
    }
  }
`)

export const UserUpdateMutation = graphql(`
  mutation UserUpdate($id: ID!, $input: UserUpdateInput!) {
    userUpdate(id: $id, input: $input) {
      user {
        id
        role
        unitId
        isActive
        displayName
      }
      errors {
        ...AccountErrorFields @unmask
      }
    }
  }
`)

export const UserPasswordResetMutation = graphql(`
  mutation UserPasswordReset($id: ID!, $newPassword: String!) {
    userPasswordReset(id: $id, newPassword: $newPassword) {
      user {
        id
        mustChangePassword
      }
      errors {
        ...AccountErrorFields @unmask
      }
    }
  }
`)

export const AdminPlacesQuery = graphql(`
  query AdminPlaces {
    jurisdictions {
      id
      code
      name
    }
    adminDistricts {
      id
      code
      name
      jurisdictionCode
      isActive
    }
  }
`)

export const UnitCreateMutation = graphql(`
  mutation UnitCreate($input: UnitCreateInput!) {
    unitCreate(input: $input) {
      unit {
        id
        code
      }
      errors {
        ...AccountErrorFields @unmask
      }
    }
  }
`)

export const UnitUpdateMutation = graphql(`
  mutation UnitUpdate($id: ID!, $input: UnitUpdateInput!) {
    unitUpdate(id: $id, input: $input) {
      unit {
        id
        name
        parentId
        districtId
      }
      errors {
        ...AccountErrorFields @unmask
      }
    }
  }
`)

export const UnitSetActiveMutation = graphql(`
  mutation UnitSetActive($id: ID!, $active: Boolean!) {
    unitSetActive(id: $id, active: $active) {
      unit {
        id
        isActive
      }
      errors {
        ...AccountErrorFields @unmask
      }
    }
  }
`)

export const DistrictCreateMutation = graphql(`
  mutation DistrictCreate($code: String!, $name: String!, $jurisdictionCode: String!) {
    districtCreate(code: $code, name: $name, jurisdictionCode: $jurisdictionCode) {
      district {
        id
        code
      }
      errors {
        ...AccountErrorFields @unmask
      }
    }
  }
`)

export const DistrictUpdateMutation = graphql(`
  mutation DistrictUpdate($id: ID!, $name: String) {
    districtUpdate(id: $id, name: $name) {
      district {
        id
        name
      }
      errors {
        ...AccountErrorFields @unmask
      }
    }
  }
`)

export const DistrictSetActiveMutation = graphql(`
  mutation DistrictSetActive($id: ID!, $active: Boolean!) {
    districtSetActive(id: $id, active: $active) {
      district {
        id
        isActive
      }
      errors {
        ...AccountErrorFields @unmask
      }
    }
  }
`)
