import { parentPort, workerData } from 'node:worker_threads';
import type { Source } from '../load/source.js';
import { checkInFull } from './check.js';
import type { RuleSettings } from './quick-check.js';

/** A worker thread of `checkFiles` that checks one large map in full, alone, and ends (its memory with it). */
const { source, rules } = workerData as { source: Source; rules?: RuleSettings };
parentPort!.postMessage(checkInFull(source, { rules }).report);
