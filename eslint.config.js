// ESLint flat config. The `imports` table is the architecture: a file may import only from its
// own layer and the layers its row names (see docs/architecture.md):
//   cli → api, jobs (`ballast serve`, `ballast worker`); cli, api, jobs → app → data, report → domain → core
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const LAYERS = ['core', 'domain', 'data', 'report', 'app', 'jobs', 'api', 'cli'];

/** What each layer may import besides itself (type-only imports included). */
const imports = {
  core: [],
  domain: ['core'],
  data: ['domain', 'core'],
  report: ['domain', 'core'],
  app: ['data', 'report', 'domain', 'core'],
  jobs: ['app'],
  api: ['app', 'report'],
  cli: ['api', 'jobs', 'app', 'report'],
};

const layers = Object.entries(imports).map(([layer, allowed]) => ({
  files: [`src/${layer}/**/*.ts`],
  rules: {
    'no-restricted-imports': [
      'error',
      {
        patterns: LAYERS.filter((name) => name !== layer && !allowed.includes(name)).map(
          (name) => ({
            group: [`**/${name}/**`, `**/${name}`],
            message: `src/${layer} may import only ${allowed.length === 0 ? 'itself' : allowed.join(', ')}: src/${name} is not one of them (docs/architecture.md).`,
          }),
        ),
      },
    ],
  },
}));

export default tseslint.config(
  {
    ignores: [
      'node_modules',
      'coverage',
      'dist',
      'bin',
      'eslint.config.js',
      'bench/*.mjs',
      'scripts',
      'src/**/*.mjs',
      'web/dist',
      'web/src/api/schema.gen.ts',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      'max-lines': ['warn', { max: 400, skipBlankLines: true, skipComments: true }],
      'max-params': ['warn', 3],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
    },
  },
  {
    files: ['src/core/**/*.ts', 'src/domain/**/*.ts'],
    rules: {
      'no-restricted-globals': [
        'error',
        { name: 'Date', message: 'domain/core take time as an argument (inject a Clock).' },
      ],
    },
  },
  ...layers,
  {
    // The dashboard talks to the server through the typed API client only; it may share the
    // chart option builders (src/report) and, through them, domain types — never the store,
    // the use cases or the faces.
    files: ['web/**/*.ts', 'web/**/*.tsx'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/src/app/**'],
              allowTypeImports: true,
              message:
                'web/ talks to the API only: from src/app it may import document types (import type), never code.',
            },
            ...['data', 'api', 'cli', 'jobs'].map((name) => ({
              group: [`**/src/${name}/**`],
              message: `web/ talks to the API only: src/${name} is not for the browser (import src/report builders, call the API through web/src/api/client.ts).`,
            })),
          ],
        },
      ],
    },
  },
  {
    files: ['src/**/*.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "ImportDeclaration[source.value='zod'] > ImportSpecifier",
          message:
            "import * as z from 'zod': the CLI bundle then keeps only the zod it uses (a named import pulls in every locale).",
        },
      ],
    },
  },
  {
    files: ['**/*.test.ts', 'test/**/*.ts'],
    rules: {
      'max-lines': 'off',
      'max-params': 'off',
      // Tests read parsed JSON output on purpose.
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
    },
  },
);
