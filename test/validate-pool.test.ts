import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { HEAVY_BYTES } from '../dist/validate/batch.js';
import { checkThoroughly } from '../dist/validate/check.js';
import { root, run } from './helpers/cli.js';

const valid = `${root}examples/knee-replacement.journey.yaml`;
const invalid = `${root}examples/invalid/unresolved-reference-stage.journey.yaml`;

/** Runs the pool's real worker thread over `files`, as `checkFiles` starts it, and returns what it posts. */
function runWorker(files: string[]): Promise<[number, { kind: string; report?: unknown; message?: string }][]> {
  const counter = new Int32Array(new SharedArrayBuffer(4));
  const worker = new Worker(new URL('../dist/validate/worker.js', import.meta.url), { workerData: { files, counter, skip: -1 } });
  return new Promise((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', reject);
  });
}

describe('the validation pool', () => {
  it('a worker thread clears a valid map and checks an invalid one in full, with positions, in the same pass', async () => {
    const missing = join(tmpdir(), 'no-such.journey.yaml');
    const verdicts = new Map(await runWorker([valid, invalid, missing]));
    expect(verdicts.get(0)).toEqual({ kind: 'clean' });
    expect(verdicts.get(1)).toEqual({ kind: 'report', report: checkThoroughly({ file: invalid, text: readFileSync(invalid, 'utf8') }).report });
    expect(verdicts.get(1)!.report).toMatchObject({ findings: [{ line: 17, column: 12, ruleId: 'unresolved-reference' }] });
    expect(verdicts.get(2)).toMatchObject({ kind: 'failure', message: expect.stringContaining('no such file') });
  });

  it('gives the same report on one thread and on two, for a batch of invalid maps big enough to share', () => {
    const dir = mkdtempSync(join(tmpdir(), 'jm-pool-'));
    const files: string[] = [];
    for (let i = 0; i < 300; i++) {
      const file = join(dir, `m${String(i).padStart(3, '0')}.journey.yaml`);
      if (i % 3) writeFileSync(file, readFileSync(invalid, 'utf8').replace('title: ', `title: Copy ${i} of `));
      else copyFileSync(valid, file);
      files.push(file);
    }
    const one = run(['validate', dir, '--format', 'json', '--jobs', '1']);
    const two = run(['validate', dir, '--format', 'json', '--jobs', '2']);
    expect(one.status).toBe(1);
    expect(two.stdout).toBe(one.stdout);
    expect(JSON.parse(one.stdout).files.filter((f: { valid: boolean }) => !f.valid)).toHaveLength(200);
  });

  it('checks a large map with findings alone after the pool, with the same report as the full check', () => {
    const dir = mkdtempSync(join(tmpdir(), 'jm-heavy-'));
    const big = join(dir, 'big.journey.yaml');
    // An unknown key whose value alone is over the size: one finding, in a file too large for the pool.
    writeFileSync(big, `${readFileSync(valid, 'utf8')}notes: ${'x'.repeat(HEAVY_BYTES)}\nnotez: 1\n`);
    expect(readFileSync(big, 'utf8').length).toBeGreaterThan(HEAVY_BYTES);
    const small = join(dir, 'small.journey.yaml');
    copyFileSync(invalid, small);
    const result = run(['validate', big, small, valid, '--format', 'json', '--jobs', '2']);
    expect([result.status, result.stderr]).toEqual([1, '']);
    const files = JSON.parse(result.stdout).files;
    const expected = (file: string) => checkThoroughly({ file, text: readFileSync(file, 'utf8') }).report.findings.map(({ file: _file, ...f }) => f);
    expect(files.map((f: { file: string }) => f.file)).toEqual([big, small, valid]);
    expect(files[0].findings).toEqual(expected(big));
    expect(files[0].findings.map((f: { ruleId: string }) => f.ruleId)).toEqual(['unknown-property', 'unknown-property']);
    expect(files[1].findings).toEqual(expected(small));
    expect(files[2].findings).toEqual([]);
  });
});
