import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { root } from './helpers/cli.js';
import { snapshotRepository } from './helpers/snapshot.js';

interface Step {
  id?: string;
  name?: string;
  if?: string;
  uses?: string;
  run?: string;
  shell?: string;
  'working-directory'?: string;
  env?: Record<string, string>;
  with?: Record<string, string>;
}

const action = parse(readFileSync(join(root, 'action.yml'), 'utf8')) as { inputs: Record<string, { default: string }>; runs: { using: string; steps: Step[] } };
const invalidExamples = readdirSync(join(root, 'examples/invalid')).filter((f) => /\.journey\.ya?ml$/.test(f));

let work: string;
let actionPath: string;
let repo: string;
let runnerTemp: string;

/**
 * The values of `${{ … }}` expressions, as the runner would give them: only plain context lookups
 * (`inputs.paths`, `github.action_path`…) are understood; anything else fails the test.
 */
function evaluate(text: string, context: Record<string, unknown>): string {
  return text.replace(/\$\{\{\s*([^}]*?)\s*\}\}/g, (_, expression: string) => {
    if (!/^[\w.-]+$/.test(expression)) throw new Error(`the test cannot evaluate \${{ ${expression} }}`);
    const value = expression.split('.').reduce<unknown>((object, key) => (object as Record<string, unknown> | undefined)?.[key], context);
    if (value === undefined) throw new Error(`\${{ ${expression} }} has no value`);
    return String(value);
  });
}

/** Whether a step's `if:` holds; the action only compares an input with the empty string. */
function condition(step: Step, inputs: Record<string, string>): boolean {
  if (step.if === undefined) return true;
  const match = /^inputs\.([\w-]+) != ''$/.exec(step.if);
  if (!match) throw new Error(`the test cannot evaluate if: ${step.if}`);
  return inputs[match[1]] !== '';
}

/**
 * Runs the action's steps on the repository as the runner would: `run` steps with bash, in their working
 * directory, with their environment; `uses` steps (the npm cache, the artifact upload) are returned with
 * their evaluated inputs instead of run. Stops at the first failing step, as a job does.
 */
function runAction(given: Record<string, string>, { install = false } = {}) {
  const inputs = Object.fromEntries(Object.entries(action.inputs).map(([name, input]) => [name, given[name] ?? input.default]));
  const output = join(runnerTemp, 'github-output');
  writeFileSync(output, '');
  const context = { inputs, github: { action_path: actionPath }, runner: { temp: runnerTemp }, steps: {} as Record<string, { outputs: Record<string, string> }> };
  const uses: { uses: string; with: Record<string, string> }[] = [];
  let stdout = '';
  for (const step of action.runs.steps) {
    if (!condition(step, inputs)) continue;
    if (step.uses) {
      uses.push({ uses: step.uses, with: Object.fromEntries(Object.entries(step.with ?? {}).map(([k, v]) => [k, evaluate(v, context)])) });
      continue;
    }
    if (!install && step.run!.includes('npm ci')) continue;
    const env = Object.fromEntries(Object.entries(step.env ?? {}).map(([k, v]) => [k, evaluate(v, context)]));
    const cwd = resolve(repo, evaluate(step['working-directory'] ?? '.', context));
    const result = spawnSync('bash', ['-e', '-c', step.run!], {
      cwd,
      encoding: 'utf8',
      timeout: 600_000,
      env: { ...process.env, NO_COLOR: '1', GITHUB_OUTPUT: output, GITHUB_ACTION_PATH: actionPath, RUNNER_TEMP: runnerTemp, PATH: `${dirname(process.execPath)}:${process.env.PATH}`, ...env },
    });
    stdout += result.stdout;
    if (step.id) {
      const lines = readFileSync(output, 'utf8').split('\n').filter(Boolean);
      context.steps[step.id] = { outputs: Object.fromEntries(lines.map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)])) };
    }
    if (result.status !== 0) return { status: result.status, stdout, stderr: result.stderr, uses };
  }
  return { status: 0, stdout, stderr: '', uses };
}

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'jm-action-'));
  // The action's folder as GitHub checks it out: this repository, with no node_modules and no dist.
  actionPath = join(work, 'action');
  mkdirSync(actionPath);
  snapshotRepository(actionPath);
  runnerTemp = join(work, 'runner-temp');
  mkdirSync(runnerTemp);
  repo = join(work, 'repo');
  mkdirSync(join(repo, 'maps'), { recursive: true });
  copyFileSync(join(root, 'examples/knee-replacement.journey.yaml'), join(repo, 'maps/knee.journey.yaml'));
  copyFileSync(join(root, 'examples/maternity.journey.yaml'), join(repo, 'maps/maternity.journey.yaml'));
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('action.yml', () => {
  it('is a composite action whose inputs reach its scripts only through the environment', () => {
    expect(action.runs.using).toBe('composite');
    expect(Object.keys(action.inputs)).toEqual(['paths', 'format', 'max-warnings', 'config', 'build', 'artifact-name', 'working-directory']);
    for (const step of action.runs.steps) if (step.run) expect(step.run).not.toContain('${{');
    expect(action.runs.steps.map((s) => s.uses).filter(Boolean)).toEqual(['actions/cache@v4', 'actions/upload-artifact@v4']);
  });

  it('installs journeymap from its own folder with npm ci and the build, caches npm, validates and builds the maps', () => {
    const result = runAction({ paths: 'maps/', build: 'html,svg' }, { install: true });
    expect(result.stderr).not.toMatch(/npm (warn|error)/);
    expect(result.status, result.stderr).toBe(0);
    expect(existsSync(join(actionPath, 'dist/cli.cjs'))).toBe(true);
    // The cache is npm's own folder, keyed by the action's lock file.
    const [cache, upload] = result.uses;
    const npmCache = spawnSync('npm', ['config', 'get', 'cache'], { encoding: 'utf8' }).stdout.trim();
    expect(cache.with).toEqual({ path: npmCache, key: expect.stringMatching(/^journeymap-npm-\w+-[0-9a-f]{16}$/) });
    expect(readdirSync(upload.with.path).sort()).toEqual(['knee.html', 'knee.svg', 'maternity.html', 'maternity.svg']);
    expect(upload.with.name).toBe('journey-maps');
  }, 600_000);

  it('gives an ::error line for each invalid example, exit 1, and builds nothing', () => {
    mkdirSync(join(repo, 'invalid'));
    for (const file of invalidExamples) copyFileSync(join(root, 'examples/invalid', file), join(repo, 'invalid', file));
    rmSync(join(runnerTemp, 'journey-maps'), { recursive: true, force: true });
    const result = runAction({ paths: 'maps/\ninvalid/*.journey.yaml', build: 'html' });
    expect(result.status).toBe(1);
    const errors = result.stdout.split('\n').filter((line) => line.startsWith('::error '));
    const annotated = new Set(errors.map((line) => /file=invalid\/([^,]+),line=\d+,/.exec(line)?.[1]));
    // Every invalid example has at least one error, except those whose only finding is a warning.
    const warningsOnly = ['gap-without-opportunity.journey.yaml', 'stage-without-touchpoints.journey.yaml'];
    expect([...annotated].sort()).toEqual(invalidExamples.filter((f) => !warningsOnly.includes(f)).sort());
    expect(result.stdout).toMatch(/^::error file=invalid\/unknown-property-chanel\.journey\.yaml,line=\d+,col=\d+,.*::unknown property `chanel`/m);
    // The job stops at the failing step: nothing is uploaded.
    expect(result.uses.map((step) => step.uses)).toEqual(['actions/cache@v4']);
    expect(existsSync(join(runnerTemp, 'journey-maps'))).toBe(false);
    rmSync(join(repo, 'invalid'), { recursive: true });
  }, 120_000);

  it('passes format, max-warnings and config through', () => {
    copyFileSync(join(root, 'examples/invalid/stage-without-touchpoints.journey.yaml'), join(repo, 'maps/partial.journey.yaml'));
    expect(runAction({ paths: 'maps/' }).status).toBe(0);
    expect(runAction({ paths: 'maps/', 'max-warnings': '0' }).status).toBe(1);
    writeFileSync(join(repo, 'ci.yaml'), 'rules:\n  stage-without-touchpoints: off\n');
    expect(runAction({ paths: 'maps/', 'max-warnings': '0', config: 'ci.yaml' }).status).toBe(0);
    const junit = runAction({ paths: 'maps/', format: 'junit' });
    expect(junit.stdout).toMatch(/^<\?xml/);
    rmSync(join(repo, 'maps/partial.journey.yaml'));
  }, 120_000);
});
