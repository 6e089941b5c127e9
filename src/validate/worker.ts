import { parentPort, workerData } from 'node:worker_threads';
import { Checker, claimFiles, type Verdict } from './batch.js';
import type { RuleSettings } from './quick-check.js';

/**
 * A worker thread of `checkFiles`: claims file indexes from the shared counter until none are left, and
 * checks each in full, as the main thread does, maps with findings included (but for the largest, which
 * are checked alone once the pool is done).
 */
const { files, counter, rules, skip } = workerData as { files: string[]; counter: Int32Array; rules?: RuleSettings; skip: number };
const done: [number, Verdict][] = [];
await claimFiles(files, counter, skip, new Checker({ rules }), (index, verdict) => done.push([index, verdict]));
parentPort!.postMessage(done);
