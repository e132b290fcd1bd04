/** Config files: exposure universe and fund definitions (zod-validated YAML). */

export * from './default-paths';
export * from './exposure-config-schema';
export * from './fund-schemas';
export * from './load-exposure-config';
export * from './load-fund-universe';
export * from './read-yaml';
export * from './write-fund-universe';
