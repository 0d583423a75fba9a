import { graphql } from '@/gql'

export const ReminderFields = graphql(`
  fragment ReminderFields on Reminder {
    id
    subjectId
    subject {
      id
      name
      uscc
    }
    grade
    gradeName
    method
    methodName
    heldAt
    place
    content
    intervieweeName
    intervieweeRole
    intervieweeTitle
    officers
    unitName
    pushedAt
    createdAt
    notice {
      id
      ...NoticeFields
    }
  }
`)

export const ReminderListQuery = graphql(`
  query ReminderList($start: Date!, $end: Date!, $method: ReminderMethod, $first: Int!, $after: String) {
    reminders(start: $start, end: $end, method: $method, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          ...ReminderFields
        }
      }
    }
  }
`)

export const ReminderProposalQuery = graphql(`
  query ReminderProposalFor($subjectId: ID!) {
    reminderProposal(subjectId: $subjectId) {
      grade
      gradeName
      methods
      reasons
      recordIds
    }
  }
`)

export const ReminderCreateMutation = graphql(`
  mutation ReminderCreate($input: ReminderRegisterInput!) {
    reminderRegister(input: $input) {
      reminder {
        id
        ...ReminderFields
      }
      errors {
        ...ReminderErrorFields @unmask
      }
    }
  }
`)

export const ReminderPushMutation = graphql(`
  mutation ReminderPush($id: ID!) {
    reminderPush(id: $id) {
      reminder {
        id
        ...ReminderFields
      }
      errors {
        ...ReminderErrorFields @unmask
      }
    }
  }
`)
