/** Config files: exposure universe and fund definitions (zod-validated YAML). */

export * from './default-paths.ts';
export * from './exposure-config-schema.ts';
export * from './fund-schemas.ts';
export * from './load-exposure-config.ts';
export * from './load-fund-universe.ts';
export * from './read-yaml.ts';
export * from './write-fund-universe.ts';
