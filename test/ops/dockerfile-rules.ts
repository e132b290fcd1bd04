/**
 * A Dockerfile checker for the project's image, standing in for hadolint (no Docker engine and
 * no hadolint package on this project's machines): the file is parsed by `dockerfile-ast` and
 * first validated by `dockerfile-utils` (the parser and validator of the VS Code Dockerfile
 * language server: unknown instructions and flags, malformed durations, ports and image
 * references…), then checked against the rules below. Where a rule is one of hadolint's, its
 * code is named.
 *
 * | rule             | what it asks                                                                 |
 * | ---------------- | ---------------------------------------------------------------------------- |
 * | `syntax`         | no diagnostic from dockerfile-utils' validator (errors and warnings)         |
 * | `pinned-base`    | every base image names a version tag or a digest — never none (DL3006) or    |
 * |                  | `latest` (DL3007); `node` images on the major of package.json's engines      |
 * | `non-root`       | the final stage switches to a user that is not root (DL3002), before its CMD |
 * | `healthcheck`    | the final stage has a HEALTHCHECK that runs a command                        |
 * | `copy-chown`     | every COPY of the final stage names its owner (`--chown`): root (files the   |
 * |                  | process cannot rewrite) or the stage's user                                  |
 * | `apt-clean`      | a RUN that installs with apt-get updates first, says `-y` (DL3014) and       |
 * |                  | `--no-install-recommends` (DL3015), and removes /var/lib/apt/lists (DL3009)  |
 * | `exec-form`      | CMD, ENTRYPOINT and HEALTHCHECK CMD in JSON (exec) form (DL3025)             |
 * | `no-add`         | COPY, not ADD, for files (DL3020)                                            |
 * | `port`           | EXPOSE, the port `serve` listens on (CMD `--port`) and the port the          |
 * |                  | HEALTHCHECK probes agree, and `serve` listens on 0.0.0.0                     |
 * | `runtime-files`  | the final stage copies what the CLI reads at run time (`RUNTIME_PATHS`)      |
 * | `store-env`      | no ENV sets BALLAST_DB, which would override a DATABASE_URL given at run time |
 */

import { DockerfileParser, ModifiableInstruction, type Instruction } from 'dockerfile-ast';
import { validate } from 'dockerfile-utils';

/** One broken rule: its id and what is wrong, with the 1-based line. */
export interface Violation {
  readonly rule: string;
  readonly line: number;
  readonly message: string;
}

/** What {@link checkDockerfile} compares against. */
export interface DockerfileExpectations {
  /** The Node major of package.json's `engines.node` (`>=20` → 20). */
  readonly nodeMajor: number;
}

/** Paths (under WORKDIR) the final stage must copy: the CLI and what it reads at run time. */
export const RUNTIME_PATHS = [
  'package.json',
  'node_modules',
  'bin',
  'dist',
  'config',
  'data',
  'web/dist',
];

const lineOf = (instruction: Instruction): number => instruction.getRange().start.line + 1;

/** The instruction's arguments as JSON when written in exec form, else undefined. */
function execForm(text: string): string[] | undefined {
  const trimmed = text.trim();
  if (!trimmed.startsWith('[')) return undefined;
  try {
    const parsed = JSON.parse(trimmed) as unknown;
    return Array.isArray(parsed) && parsed.every((a) => typeof a === 'string') ? parsed : undefined;
  } catch {
    return undefined;
  }
}

/** The value of the flag `--name=value` of an instruction, if given. */
function flag(instruction: Instruction, name: string): string | undefined {
  if (!(instruction instanceof ModifiableInstruction)) return undefined;
  return (
    instruction
      .getFlags()
      .find((f) => f.getName() === name)
      ?.getValue() ?? undefined
  );
}

/** The stages of the file: the instructions from each FROM to the next. */
function stagesOf(instructions: Instruction[]): Instruction[][] {
  const stages: Instruction[][] = [];
  for (const instruction of instructions) {
    if (instruction.getKeyword() === 'FROM') stages.push([instruction]);
    else stages.at(-1)?.push(instruction);
  }
  return stages;
}

function checkBaseImages(stages: Instruction[][], expect: DockerfileExpectations): Violation[] {
  const out: Violation[] = [];
  const names = new Set<string>();
  for (const [from] of stages) {
    const args = from!.getArguments().map((a) => a.getValue());
    const image = args.find((a) => !a.startsWith('--')) ?? '';
    const asIndex = args.findIndex((a) => a.toUpperCase() === 'AS');
    const stageName = asIndex >= 0 ? args[asIndex + 1] : undefined;
    const report = (message: string) =>
      out.push({ rule: 'pinned-base', line: lineOf(from!), message });
    if (names.has(image)) {
      if (stageName !== undefined) names.add(stageName);
      continue;
    }
    if (stageName !== undefined) names.add(stageName);
    const [ref, digest] = image.split('@');
    const lastSlash = ref!.lastIndexOf('/');
    const colon = ref!.indexOf(':', lastSlash + 1);
    const repo = colon < 0 ? ref! : ref!.slice(0, colon);
    const tag = colon < 0 ? undefined : ref!.slice(colon + 1);
    if (digest !== undefined) continue;
    if (tag === undefined) report(`${image}: no tag (DL3006): pin a version`);
    else if (tag === 'latest') report(`${image}: the latest tag (DL3007): pin a version`);
    else if (!/\d/.test(tag)) report(`${image}: the tag names no version`);
    else if (repo === 'node' && !tag.startsWith(`${expect.nodeMajor}`))
      report(`${image}: not Node ${expect.nodeMajor}, the major of package.json's engines`);
  }
  return out;
}

function checkFinalStage(stage: Instruction[]): Violation[] {
  const out: Violation[] = [];
  const report = (rule: string, at: Instruction, message: string) =>
    out.push({ rule, line: lineOf(at), message });
  const users = stage.filter((i) => i.getKeyword() === 'USER');
  const user = users.at(-1);
  const userName = user?.getArgumentsContent()?.split(':')[0]?.trim();
  const cmd = stage.filter((i) => i.getKeyword() === 'CMD').at(-1);
  if (user === undefined || userName === undefined)
    report('non-root', stage[0]!, 'the final stage has no USER: it runs as root (DL3002)');
  else if (userName === 'root' || userName === '0')
    report('non-root', user, `the final stage runs as ${userName} (DL3002)`);
  else if (cmd !== undefined && lineOf(cmd) < lineOf(user))
    report('non-root', user, 'USER comes after CMD');
  const healthcheck = stage.filter((i) => i.getKeyword() === 'HEALTHCHECK').at(-1);
  if (healthcheck === undefined || /^\s*NONE\b/i.test(healthcheck.getArgumentsContent() ?? ''))
    report('healthcheck', healthcheck ?? stage[0]!, 'the final stage has no HEALTHCHECK command');
  for (const copy of stage.filter((i) => i.getKeyword() === 'COPY')) {
    const owner = flag(copy, 'chown')?.split(':')[0];
    if (owner === undefined) report('copy-chown', copy, 'COPY without --chown');
    else if (owner !== 'root' && owner !== '0' && owner !== userName)
      report('copy-chown', copy, `COPY --chown=${owner}: neither root nor the stage's user`);
  }
  const copied = stage
    .filter((i) => i.getKeyword() === 'COPY')
    .map((i) =>
      i
        .getArguments()
        .map((a) => a.getValue())
        .filter((a) => !a.startsWith('--')),
    )
    .map((args) => args.slice(0, -1).map((source) => source.replace(/^\/app\//, '')))
    .flat();
  for (const path of RUNTIME_PATHS.filter((p) => !copied.includes(p)))
    report('runtime-files', stage[0]!, `the final stage does not copy ${path}`);
  out.push(...checkPorts(stage, cmd, healthcheck));
  return out;
}

function checkPorts(
  stage: Instruction[],
  cmd: Instruction | undefined,
  healthcheck: Instruction | undefined,
): Violation[] {
  const out: Violation[] = [];
  const exposed = stage
    .filter((i) => i.getKeyword() === 'EXPOSE')
    .flatMap((i) => i.getArguments().map((a) => a.getValue().split('/')[0]));
  const argv = execForm(cmd?.getArgumentsContent() ?? '') ?? [];
  const at = (name: string): string | undefined => {
    const i = argv.indexOf(name);
    return i < 0 ? undefined : argv[i + 1];
  };
  const where = cmd ?? stage[0]!;
  const report = (message: string) => out.push({ rule: 'port', line: lineOf(where), message });
  if (!argv.includes('serve')) return out;
  const port = at('--port') ?? '8080';
  if (!exposed.includes(port))
    report(`serve listens on ${port}, EXPOSE says ${exposed.join(', ') || 'nothing'}`);
  if (at('--host') !== '0.0.0.0')
    report('serve must listen on 0.0.0.0 to be reached from outside the container');
  const probed = /:\/\/(?:127\.0\.0\.1|localhost):(\d+)\//.exec(
    healthcheck?.getArgumentsContent() ?? '',
  )?.[1];
  if (probed !== undefined && probed !== port)
    report(`the HEALTHCHECK probes ${probed}, serve listens on ${port}`);
  return out;
}

function checkRun(instruction: Instruction): Violation[] {
  const text = instruction.getArgumentsContent() ?? '';
  if (!/apt-get\s+(?:[^&;|]*\s)?install\b/.test(text)) return [];
  const missing: string[] = [];
  if (!/apt-get\s+update\b/.test(text)) missing.push('apt-get update in the same RUN');
  if (!/\s(?:-y|--yes|-qq?y)\b/.test(text)) missing.push('-y (DL3014)');
  if (!text.includes('--no-install-recommends')) missing.push('--no-install-recommends (DL3015)');
  if (!/rm\s+-(?:rf|fr)\s+\/var\/lib\/apt\/lists\/?\*?/.test(text))
    missing.push('rm -rf /var/lib/apt/lists/* (DL3009)');
  return missing.map((m) => ({
    rule: 'apt-clean',
    line: lineOf(instruction),
    message: `apt-get install without ${m}`,
  }));
}

/** Every rule the Dockerfile `text` breaks (module comment); none for a good file. */
export function checkDockerfile(text: string, expect: DockerfileExpectations): Violation[] {
  const out: Violation[] = validate(text).map((d) => ({
    rule: 'syntax',
    line: d.range.start.line + 1,
    message: typeof d.message === 'string' ? d.message : d.message.value,
  }));
  const instructions = DockerfileParser.parse(text).getInstructions();
  const stages = stagesOf(instructions);
  if (stages.length === 0) return [...out, { rule: 'syntax', line: 1, message: 'no FROM' }];
  out.push(...checkBaseImages(stages, expect));
  out.push(...checkFinalStage(stages.at(-1)!));
  for (const instruction of instructions) {
    const keyword = instruction.getKeyword();
    if (keyword === 'RUN') out.push(...checkRun(instruction));
    if (keyword === 'ADD')
      out.push({ rule: 'no-add', line: lineOf(instruction), message: 'ADD: use COPY (DL3020)' });
    if (keyword === 'ENV' && /\bBALLAST_DB\b/.test(instruction.getArgumentsContent() ?? ''))
      out.push({
        rule: 'store-env',
        line: lineOf(instruction),
        message: 'ENV BALLAST_DB would take precedence over DATABASE_URL: set XDG_DATA_HOME',
      });
    const args = instruction.getArgumentsContent() ?? '';
    const command = keyword === 'HEALTHCHECK' ? /\bCMD\s+([\s\S]*)$/.exec(args)?.[1] : args;
    if (
      ['CMD', 'ENTRYPOINT', 'HEALTHCHECK'].includes(keyword) &&
      command !== undefined &&
      execForm(command) === undefined
    )
      out.push({
        rule: 'exec-form',
        line: lineOf(instruction),
        message: `${keyword} in shell form: use the JSON (exec) form (DL3025)`,
      });
  }
  return out;
}
