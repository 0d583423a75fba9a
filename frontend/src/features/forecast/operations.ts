import { graphql } from '@/gql'

export const ForecastFields = graphql(`
  fragment ForecastFields on PublicSubject {
    asOf
    isForecast
    grade {
      level
    }
    lists {
      list
      since
      until
      decisionNo
    }
    measures {
      code
    }
  }
`)

export const InternalForecastQuery = graphql(`
  query InternalForecast($id: ID!, $asOf: Date) {
    internalSubject(id: $id) {
      id
      evaluation(asOf: $asOf) {
        ...ForecastFields
      }
    }
  }
`)

export const MyForecastQuery = graphql(`
  query MyForecast($asOf: Date) {
    mySubject {
      id
      evaluation(asOf: $asOf) {
        ...ForecastFields
      }
    }
  }
`)
