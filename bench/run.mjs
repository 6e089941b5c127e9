// Runs every benchmark in turn (`npm run bench`): each compares journeymap with the tool users would
// pick instead, in one run, alternating, and prints medians and ratios.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const here = fileURLToPath(new URL('.', import.meta.url));
const only = process.argv.slice(2);
const benches = ['validate.mjs', 'svg.mjs', 'pdf.mjs', 'build-cache.mjs', 'site.mjs'].filter((b) => only.length === 0 || only.some((o) => b.startsWith(o)));
let failed = 0;
for (const bench of benches) {
  process.stdout.write(`\n== ${bench}\n`);
  const result = spawnSync(process.execPath, [`${here}${bench}`], { stdio: 'inherit' });
  if (result.status !== 0) failed++;
}
process.exitCode = failed ? 1 : 0;
