import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bin, root } from './helpers/cli.js';

/** A folder of `count` copies of one map: enough output to fill a pipe several times over. */
function copies(example: string, count: number): string {
  const dir = mkdtempSync(join(tmpdir(), 'journeymap-output-'));
  for (let i = 0; i < count; i++) copyFileSync(join(root, example), join(dir, `map-${i}.journey.yaml`));
  return dir;
}

/** Runs the CLI with one of its outputs piped into `head`, which reads 10 bytes and closes the pipe. */
function intoEarlyExit(args: string[], stream: 'stdout' | 'stderr') {
  const quoted = [process.execPath, bin, ...args].map((a) => `'${a}'`).join(' ');
  const script = stream === 'stdout' ? `${quoted} 2>err.txt | head -c 10 >/dev/null` : `${quoted} 2>&1 >/dev/null | head -c 10 >/dev/null`;
  const cwd = mkdtempSync(join(tmpdir(), 'journeymap-pipe-'));
  const result = spawnSync('bash', ['-c', `set -o pipefail; ${script}`], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { status: result.status, stderr: stream === 'stdout' ? readFileSync(join(cwd, 'err.txt'), 'utf8') : result.stderr };
}

describe('output to a reader that stops early', () => {
  it('validate: a report cut short is not an error, and the exit code still says the maps are invalid', () => {
    const dir = copies('examples/invalid/unresolved-reference-channel.journey.yaml', 300);
    const result = intoEarlyExit(['validate', dir, '--format', 'json'], 'stdout');
    expect(result.stderr).toBe('');
    expect(result.status).toBe(1);
  });

  it('build: notices cut short stop no map from being written', () => {
    const dir = copies('examples/knee-replacement.journey.yaml', 150);
    const out = join(dir, 'out');
    const result = intoEarlyExit(['build', dir, '--format', 'svg', '--out-dir', out, '--no-cache'], 'stderr');
    expect(result.status).toBe(0);
    expect(readdirSync(out)).toHaveLength(150);
  });
});

describe('a build whose output goes to pipes', () => {
  it("loads none of Node's stream or terminal modules: its notices are written to the descriptor", () => {
    const out = join(root, 'bench/work/output');
    mkdirSync(out, { recursive: true });
    const preload = join(root, 'test/helpers/log-builtins.cjs');
    const result = spawnSync(process.execPath, ['--require', preload, bin, 'build', 'examples/knee-replacement.journey.yaml', '--format', 'svg', '--out-dir', out, '--no-cache'], { cwd: root, encoding: 'utf8' });
    expect(result.status, result.stderr).toBe(0);
    expect(result.stderr).toContain('wrote ');
    const builtins = result.stderr.split('\n').filter((line) => line.startsWith('builtin ')).map((line) => line.slice('builtin '.length));
    expect(builtins).toContain('fs');
    expect(builtins.filter((name) => ['net', 'stream', 'tty'].includes(name))).toEqual([]);
  });
});
