// The only locale of the bundled zod (scripts/build-cli.mjs, `englishOnlyZod`).
export { default as en } from 'zod/v4/locales/en.js';
