import type { CodegenConfig } from '@graphql-codegen/cli'

// The schema is the backend's export (`make schema` writes it, then runs this).
// Operations and fragments are `graphql(...)` calls anywhere under src/ (.ts and .vue).
const config: CodegenConfig = {
  schema: '../schema.graphql',
  documents: ['src/**/*.{ts,vue}', '!src/gql/**/*'],
  ignoreNoDocuments: true,
  generates: {
    './src/gql/': {
      preset: 'client',
      presetConfig: {
        gqlTagName: 'graphql',
        fragmentMasking: { unmaskFunctionName: 'getFragmentData' },
      },
      config: {
        useTypeImports: true,
        enumsAsTypes: true,
        skipTypename: true,
        dedupeFragments: true,
        // `...RecordErrorFields @unmask`: a payload's errors are read where the payload is
        // (src/api/payloadErrors.ts); the client strips the directive before sending.
        customDirectives: { apolloUnmask: true },
        // Dates travel as ISO strings, decimals as strings (never floats: money).
        // A scalar added to the schema later is typed `unknown` until mapped here.
        scalars: { Date: 'string', DateTime: 'string', Decimal: 'string', JSON: 'unknown' },
        defaultScalarType: 'unknown',
      },
    },
  },
}

export default config
