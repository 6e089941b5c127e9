import { availableParallelism } from 'node:os';
import { performance } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';
import { JourneymapError } from '../errors.js';
import { readSource, readSourceSync, type Source, type SourceResult } from '../load/source.js';
import { reportUnreadable, type FileReport } from './finding.js';
import { quickCheck, type CheckOptions } from './quick-check.js';

export interface BatchResult {
  /** One report per readable file, in the order of the input list. */
  reports: FileReport[];
  /** Files that could not be read at all (missing, unreadable): a usage/I-O error, not a finding. */
  failures: { file: string; message: string }[];
}

export interface BatchOptions extends CheckOptions {
  /** Threads to use at most; defaults to the machine's cores. */
  jobs?: number;
}

/**
 * What checking a file gave: clean, a report of its findings, a file that could not be read, or a large
 * map with findings, left to be checked in full alone once the pool is done.
 */
export type Verdict = { kind: 'clean' } | { kind: 'report'; report: FileReport } | { kind: 'failure'; message: string } | { kind: 'heavy'; source: Source };

/**
 * Maps larger than this that need the full check are checked after the pool, one at a time, each in a
 * worker thread of its own whose memory goes back when it ends: the position-keeping parse of a file near
 * the size limit can take several hundred MB at its peak, and two at once, or one after another in a heap
 * that has not shrunk yet, pass 1 GiB. Below it a full check peaks under about 150 MB.
 */
export const HEAVY_BYTES = 256 * 1024;

/** The heap a heavy map's check may use: well over what the item limit lets a parse reach (about 500 MB). */
const HEAVY_HEAP_MB = 768;

/**
 * What starting a worker thread costs before it checks a file (it loads the modules and warms the JIT
 * again; measured at 80–150 ms here). Worker threads are started once the work left, estimated from the
 * main thread's pace so far, is worth several times that: 1,000 clean maps (0.2 ms each) stay on one
 * thread, where a second one made them slower (382 ms against 445 ms), while 1,000 maps with findings
 * (several ms each for the position-keeping parse) or 5,000 clean ones are shared.
 */
const WORKER_START_MS = 150;

/**
 * Checks many files on every core. The main thread and, once the work is seen to be worth it, worker
 * threads claim file indexes from one shared counter, so a faster thread simply takes more files. Each
 * thread checks a file in full where it claims it: a clean map is cleared by the fast check, a map with
 * a finding gets the position-keeping check there and then, in the same pool, and the full YAML parser
 * is loaded only by a thread that meets such a map. Reports come back in input order.
 */
export async function checkFiles(files: string[], options: BatchOptions = {}): Promise<BatchResult> {
  const verdicts: Verdict[] = new Array(files.length);
  const checker = new Checker(options);
  const stdinAt = files.indexOf('-');
  if (stdinAt >= 0) verdicts[stdinAt] = await checker.check(await settle(readSource('-')));

  const threads = Math.max(1, Math.min(options.jobs ?? availableParallelism(), files.length));
  const counter = new Int32Array(new SharedArrayBuffer(4));
  const workers: Promise<void>[] = [];
  const started = performance.now();
  let checkedHere = 0;
  await claimFiles(files, counter, stdinAt, checker, (index, verdict) => {
    verdicts[index] = verdict;
    checkedHere++;
    if (workers.length === 0 && threads > 1) {
      const left = files.length - Math.min(files.length, Atomics.load(counter, 0));
      const msPerFile = (performance.now() - started) / checkedHere;
      if (left * msPerFile > 3 * WORKER_START_MS) {
        for (let t = 1; t < threads; t++) workers.push(runWorker(files, counter, options, stdinAt, verdicts));
      }
    }
  });
  await Promise.all(workers);
  for (const [i, verdict] of verdicts.entries()) if (verdict.kind === 'heavy') verdicts[i] = await checkAlone(verdict.source, options);

  const reports: FileReport[] = [];
  const failures: BatchResult['failures'] = [];
  verdicts.forEach((verdict, i) => {
    if (verdict.kind === 'clean') reports.push({ file: files[i] === '-' ? '<stdin>' : files[i], findings: [] });
    else if (verdict.kind === 'report') reports.push(verdict.report);
    else if (verdict.kind === 'failure') failures.push({ file: files[i], message: verdict.message });
  });
  return { reports, failures };
}

/**
 * The loop every thread of the pool runs, the main thread and the workers alike: claim the next file
 * index, check that file in full, hand over its verdict; until no file is left.
 */
export async function claimFiles(files: string[], counter: Int32Array, skip: number, checker: Checker, done: (index: number, verdict: Verdict) => void): Promise<void> {
  for (let i = Atomics.add(counter, 0, 1); i < files.length; i = Atomics.add(counter, 0, 1)) {
    if (i === skip) continue;
    const verdict = checker.check(readOrFail(files[i]));
    done(i, verdict instanceof Promise ? await verdict : verdict);
  }
}

/**
 * One thread's checker: the fast check for every map, the full check loaded for the first map that needs
 * it; a map over HEAVY_BYTES that needs the full check is left for later.
 */
export class Checker {
  private thorough?: typeof import('./check.js');

  constructor(private readonly options: CheckOptions) {}

  /** The verdict on a file: the fast check clears a clean map; a map with findings is checked in full, here. */
  check(read: SourceResult | JourneymapError): Verdict | Promise<Verdict> {
    if (read instanceof JourneymapError) return { kind: 'failure', message: read.message };
    if (!read.ok) return { kind: 'report', report: reportUnreadable(read.file, read.text, read.finding) };
    if (quickCheck(read.source.text, this.options)) return { kind: 'clean' };
    if (read.source.text.length > HEAVY_BYTES) return { kind: 'heavy', source: read.source };
    return this.checkInFull(read.source);
  }

  /** The position-keeping check, with every finding located. */
  checkInFull(source: Source): Verdict | Promise<Verdict> {
    const full = (thorough: typeof import('./check.js')): Verdict => ({ kind: 'report', report: thorough.checkInFull(source, this.options).report });
    if (this.thorough) return full(this.thorough);
    return import('./check.js').then((thorough) => full((this.thorough = thorough)));
  }
}

/**
 * Checks one large map in full in a worker thread of its own, with a bounded heap. A map whose check would
 * pass that bound (none under the item limit should) is reported as too large rather than ending the run.
 */
function checkAlone(source: Source, options: CheckOptions): Promise<Verdict> {
  const worker = new Worker(new URL('./alone.js', import.meta.url), { workerData: { source, rules: options.rules }, resourceLimits: { maxOldGenerationSizeMb: HEAVY_HEAP_MB } });
  return new Promise<Verdict>((resolve, reject) => {
    worker.once('message', (report: FileReport) => resolve({ kind: 'report', report }));
    worker.once('error', (error: Error & { code?: string }) => {
      if (error.code !== 'ERR_WORKER_OUT_OF_MEMORY') return reject(error);
      const finding = { ruleId: 'file-too-large', message: `the file is too large to check: its check would take more than ${HEAVY_HEAP_MB} MB`, path: [], offset: 0 };
      resolve({ kind: 'report', report: reportUnreadable(source.file, source.text, finding) });
    });
  });
}

function runWorker(files: string[], counter: Int32Array, options: CheckOptions, skip: number, verdicts: Verdict[]): Promise<void> {
  const worker = new Worker(new URL('./worker.js', import.meta.url), { workerData: { files, counter, rules: options.rules, skip } });
  return new Promise<void>((resolve, reject) => {
    worker.on('message', (done: [number, Verdict][]) => {
      for (const [index, verdict] of done) verdicts[index] = verdict;
    });
    worker.on('error', reject);
    worker.on('exit', () => resolve());
  });
}

export function readOrFail(file: string): SourceResult | JourneymapError {
  try {
    return readSourceSync(file);
  } catch (error) {
    return error instanceof JourneymapError ? error : new JourneymapError(String(error));
  }
}

async function settle(promise: Promise<SourceResult>): Promise<SourceResult | JourneymapError> {
  try {
    return await promise;
  } catch (error) {
    return error instanceof JourneymapError ? error : new JourneymapError(String(error));
  }
}
