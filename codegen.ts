// Types the PWA's GraphQL operations from the API schema (printed by `pnpm --filter @relais/api generate`).
import type { CodegenConfig } from '@graphql-codegen/cli';

const config: CodegenConfig = {
  schema: 'api/generated/schema.graphql',
  documents: ['pwa/src/**/*.{ts,tsx}', '!pwa/src/gql/**/*'],
  ignoreNoDocuments: true,
  generates: {
    'pwa/src/gql/': {
      preset: 'client',
      config: {
        useTypeImports: true,
        enumsAsTypes: true,
        scalars: { DateTime: 'string', File: { input: 'Blob', output: 'never' } },
        strictScalars: true,
      },
      presetConfig: { fragmentMasking: false },
    },
  },
};

export default config;
