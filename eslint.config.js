// ESLint flat config. The `layers` block is the architecture: a file may import only from its
// own layer or the layers below it (core ← domain ← data/report ← jobs/api/cli).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/** Layers above each layer: importing any of them from that layer is a build error. */
const forbiddenAbove = {
  core: ['domain', 'data', 'report', 'jobs', 'api', 'cli'],
  domain: ['data', 'report', 'jobs', 'api', 'cli'],
  data: ['report', 'jobs', 'api', 'cli'],
  report: ['data', 'jobs', 'api', 'cli'],
  jobs: ['api', 'cli'],
  api: ['cli', 'jobs'],
  cli: ['api'],
};

const layers = Object.entries(forbiddenAbove).map(([layer, above]) => ({
  files: [`src/${layer}/**/*.ts`],
  rules: {
    'no-restricted-imports': [
      'error',
      {
        patterns: above.map((name) => ({
          group: [`**/${name}/**`, `**/${name}`],
          message: `src/${layer} is below src/${name}: imports only point down (see CONTRIBUTING.md).`,
        })),
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
      'src/**/*.mjs',
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
