import { graphql } from '@/gql'

export const CalendarDaysQuery = graphql(`
  query CalendarDays($year: Int!) {
    calendarDays(year: $year) {
      date
      isWorkingDay
      source
      note
    }
  }
`)

export const CalendarDaysSetMutation = graphql(`
  mutation CalendarDaysSet($days: [CalendarDayInput!]!) {
    calendarDaysSet(days: $days) {
      calendarDays {
        date
        isWorkingDay
        source
        note
      }
      errors {
        ...CalendarErrorFields @unmask
      }
    }
  }
`)

export const CalendarYearFillMutation = graphql(`
  mutation CalendarYearFill($year: Int!, $restDays: [CalendarNoteInput!]!, $makeUpDays: [CalendarNoteInput!]!) {
    calendarYearFill(year: $year, restDays: $restDays, makeUpDays: $makeUpDays) {
      calendarDays {
        date
      }
      errors {
        ...CalendarErrorFields @unmask
      }
    }
  }
`)
