import { parentPort, workerData } from 'node:worker_threads';
import { checkPath } from './batch.js';
import type { RuleSettings } from './check.js';

/** A worker thread of `checkFiles`: claims file indexes from the shared counter until none are left. */
const { files, counter, rules, skip } = workerData as { files: string[]; counter: Int32Array; rules?: RuleSettings; skip: number };
const done: [number, ReturnType<typeof checkPath>][] = [];
for (let i = Atomics.add(counter, 0, 1); i < files.length; i = Atomics.add(counter, 0, 1)) {
  if (i !== skip) done.push([i, checkPath(files[i], { rules })]);
}
parentPort!.postMessage(done);
