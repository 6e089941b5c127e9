import { parentPort, workerData } from 'node:worker_threads';
import { firstPass, readOrFail, type Verdict } from './batch.js';
import type { RuleSettings } from './quick-check.js';

/** A worker thread of `checkFiles`' first pass: claims file indexes from the shared counter until none are left. */
const { files, counter, rules, skip } = workerData as { files: string[]; counter: Int32Array; rules?: RuleSettings; skip: number };
const done: [number, Verdict][] = [];
for (let i = Atomics.add(counter, 0, 1); i < files.length; i = Atomics.add(counter, 0, 1)) {
  if (i !== skip) done.push([i, firstPass(files[i], { rules }, readOrFail(files[i]))]);
}
parentPort!.postMessage(done);
