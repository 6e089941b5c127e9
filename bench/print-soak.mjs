// Soak test of printing: the five examples to pdf,png in one call, 30 times in a row (--no-cache), as the
// report of "1 map in 5 runs timed out" was made. Counts runs that failed, maps retried on a fresh page
// (`retry:` lines), and prints the median wall time of a run.
// Usage: node bench/print-soak.mjs [runs=30]     (after npm run build)
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const runs = Number(process.argv[2] ?? 30);
const examples = readdirSync(join(root, 'examples'))
  .filter((f) => f.endsWith('.journey.yaml'))
  .sort()
  .map((f) => join(root, 'examples', f));
const out = mkdtempSync(join(tmpdir(), 'jm-print-soak-'));

let failedRuns = 0;
let failedMaps = 0;
let retries = 0;
const seconds = [];
try {
  for (let i = 1; i <= runs; i++) {
    const started = process.hrtime.bigint();
    const result = spawnSync(process.execPath, [join(root, 'bin/journeymap.cjs'), 'build', '--no-cache', ...examples, '--format', 'pdf,png', '--out-dir', out], {
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1' },
    });
    const s = Number(process.hrtime.bigint() - started) / 1e9;
    seconds.push(s);
    const retried = result.stderr.match(/^retry: .*$/gm) ?? [];
    const failed = result.stderr.match(/^failed to print .*$/gm) ?? [];
    retries += retried.length;
    failedMaps += failed.length;
    if (result.status !== 0) failedRuns += 1;
    const extra = [...retried, ...failed].map((line) => `\n    ${line}`).join('');
    process.stdout.write(`run ${i}/${runs}: exit ${result.status}, ${s.toFixed(1)} s${extra}\n`);
  }
} finally {
  rmSync(out, { recursive: true, force: true });
}
const sorted = [...seconds].sort((a, b) => a - b);
const median = sorted.length % 2 ? sorted[(sorted.length - 1) / 2] : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
process.stdout.write(
  `${runs} runs of ${examples.length} maps to pdf,png: ${failedRuns} failed runs (${failedMaps} maps failed), ${retries} retries, median ${median.toFixed(1)} s a run\n`,
);
process.exitCode = failedRuns ? 1 : 0;
