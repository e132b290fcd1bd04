/**
 * .github/workflows/ci.yml does what .ci/run does, on the machine .ci/run assumes (GitHub
 * Actions never runs here: this is what can be checked without it). If .ci/run changes what it
 * needs, or a script the workflow calls is renamed, this fails.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const read = (path: string): string => readFileSync(new URL(path, import.meta.url), 'utf8');

interface Step {
  readonly uses?: string;
  readonly run?: string;
}
interface Job {
  readonly 'runs-on': string;
  readonly container?: { image: string };
  readonly services?: Record<string, { image: string; options?: string }>;
  readonly env?: Record<string, string>;
  readonly steps: Step[];
}
const WORKFLOW = parse(read('../../.github/workflows/ci.yml')) as {
  on: Record<string, unknown>;
  permissions: Record<string, string>;
  jobs: Record<string, Job>;
};
const CI_RUN = read('../../.ci/run');
const SCRIPTS = (JSON.parse(read('../../package.json')) as { scripts: Record<string, string> })
  .scripts;

const runs = (job: Job): string =>
  job.steps.flatMap((s) => (s.run === undefined ? [] : [s.run.trim()])).join('\n');

describe('the GitHub Actions workflow', () => {
  it('runs .ci/run on Debian with Node 20, chromium and a PostgreSQL named by DATABASE_URL', () => {
    const { test } = WORKFLOW.jobs;
    expect(test!.container?.image).toMatch(/^node:20-bookworm\b/);
    const services = Object.entries(test!.services ?? {});
    expect(services).toHaveLength(1);
    const [name, postgres] = services[0]!;
    expect(postgres.image).toMatch(/^postgres:16\b/);
    expect(postgres.options).toContain('--health-cmd');
    const url = new URL(test!.env!['DATABASE_URL']!);
    expect([url.protocol, url.hostname]).toEqual(['postgres:', name]);
    expect(runs(test!)).toMatch(/apt-get install -y [^\n]*\bchromium\b/);
    expect(runs(test!)).toMatch(/^bash \.ci\/run$/m);
    // .ci/run installs with npm ci and runs the README's test command: the workflow runs it
    // whole rather than copies of its steps, so the two cannot drift apart.
    expect(CI_RUN).toMatch(/^npm ci\b/m);
    expect(CI_RUN).toMatch(/^npm test\b/m);
  });

  it('typechecks, lints and checks formatting with the package scripts', () => {
    const { check } = WORKFLOW.jobs;
    expect(check!.container?.image).toMatch(/^node:20-bookworm\b/);
    const commands = runs(check!).split('\n');
    expect(commands).toEqual([
      'npm ci --no-audit --no-fund',
      'npm run typecheck',
      'npm run lint',
      'npm run format:check',
    ]);
    for (const script of ['typecheck', 'lint', 'format:check'])
      expect(SCRIPTS).toHaveProperty(script);
  });

  it('runs on pushes to main and on pull requests, reading the repository only', () => {
    expect(Object.keys(WORKFLOW.on)).toEqual(expect.arrayContaining(['push', 'pull_request']));
    expect(WORKFLOW.permissions).toEqual({ contents: 'read' });
    for (const job of Object.values(WORKFLOW.jobs))
      for (const step of job.steps.filter((s) => s.uses !== undefined))
        expect(step.uses, 'actions pinned to a major version').toMatch(/^actions\/[\w-]+@v\d+$/);
  });
});
