import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { chmodSync, cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bin, root, run } from './helpers/cli.js';
import { gitIdentity } from './helpers/snapshot.js';

// Every example that --help and README.md show is run as written, from (a copy of) the repository root:
// the examples of one help page or one README block in order, as a reader would type them.

const commands = ['validate', 'build', 'site', 'init', 'serve', 'schema', 'analyze', 'diff', 'schedule', 'export', 'import'];

/** `  $ journeymap build x.journey.yaml      what it does` gives `journeymap build x.journey.yaml`. */
function helpExamples(args: string[]): string[] {
  const help = run([...args, '--help']).stdout;
  return [...help.matchAll(/^ {2}\$ (.+)$/gm)].map((m) => m[1].split(/ {2,}/)[0].trim());
}

/** The `journeymap …` lines of README's sh blocks, without their comments, one list per block. */
function readmeBlocks(): string[][] {
  const readme = readFileSync(join(root, 'README.md'), 'utf8');
  return [...readme.matchAll(/```sh\n([\s\S]*?)```/g)]
    .map((m) => m[1].split('\n').filter((line) => line.startsWith('journeymap ')).map((line) => line.replace(/\s+#\s.*$/, '').trim()))
    .filter((block) => block.length > 0);
}

let work: string;
let shims: string;

/** A copy of the repository's examples in a git repository with two commits on main (for git:HEAD~1:…). */
function sandbox(): string {
  const dir = mkdtempSync(join(work, 'root-'));
  cpSync(join(root, 'examples'), join(dir, 'examples'), { recursive: true });
  const git = (...args: string[]) => execFileSync('git', args, { cwd: dir, env: { ...process.env, ...gitIdentity } });
  git('init', '-q', '-b', 'main');
  git('add', '-A');
  git('commit', '-q', '-m', 'examples');
  writeFileSync(join(dir, 'NOTES.md'), 'a second commit\n');
  git('add', '-A');
  git('commit', '-q', '-m', 'notes');
  return dir;
}

const env = () => ({ ...process.env, NO_COLOR: '1', PATH: `${shims}:${process.env.PATH}` });

/** A serve or a watch: it must start and stop cleanly on SIGTERM (a free port instead of the one shown). */
async function runLongLived(command: string, cwd: string): Promise<{ status: number | string | null; stderr: string }> {
  const line = command.startsWith('journeymap serve') ? `${command} --port 0` : command;
  const child = spawn('bash', ['-c', `exec ${line}`], { cwd, env: env() });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<number | string | null>((done) => child.on('exit', (code, signal) => done(code ?? signal)));
  for (let i = 0; i < 600 && !/serving http|watching for changes/.test(stderr) && child.exitCode === null; i++) await new Promise((r) => setTimeout(r, 50));
  child.kill('SIGTERM');
  return { status: await exited, stderr };
}

async function runAll(examples: string[]): Promise<void> {
  const cwd = sandbox();
  for (const command of examples) {
    if (/^journeymap serve|--watch/.test(command)) {
      const result = await runLongLived(command, cwd);
      expect(result.stderr, command).toMatch(/serving http|watching for changes/);
      // Stopped, it exits 0: its signal handlers are in place before it says it is watching or serving.
      expect(result.status, `${command}\n${result.stderr}`).toBe(0);
      expect(result.stderr, command).not.toMatch(/error|\n\s+at /i);
      continue;
    }
    const result = spawnSync('bash', ['-o', 'pipefail', '-c', command], { cwd, env: env(), encoding: 'utf8', timeout: 120_000 });
    expect(result.status, `${command}\n${result.stderr}`).toBe(0);
  }
}

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'jm-doc-examples-'));
  shims = join(work, 'bin');
  mkdirSync(shims);
  writeFileSync(join(shims, 'journeymap'), `#!/bin/sh\nexec "${process.execPath}" "${bin}" "$@"\n`);
  chmodSync(join(shims, 'journeymap'), 0o755);
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('the examples in --help', () => {
  it.each([['journeymap'], ...commands.map((c) => [`journeymap ${c}`])])('%s --help: every example succeeds from the repository root', async (name) => {
    const examples = helpExamples(name.split(' ').slice(1));
    expect(examples.length).toBeGreaterThan(0);
    await runAll(examples);
  }, 300_000);
});

describe('the examples in README.md', () => {
  const blocks = readmeBlocks();

  it('are found', () => {
    expect(blocks.flat().length).toBeGreaterThan(15);
  });

  it.each(blocks.map((block) => [block[0], block]))('the block starting `%s` succeeds from the repository root', async (_, block) => {
    await runAll(block as string[]);
  }, 300_000);
});
