import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { JourneymapError } from '../errors.js';
import { readSource, readSourceSync, type SourceResult } from '../load/source.js';
import { checkSource, reportUnreadable, type CheckOptions } from './check.js';
import type { FileReport } from './finding.js';

export interface BatchResult {
  /** One report per readable file, in the order of the input list. */
  reports: FileReport[];
  /** Files that could not be read at all (missing, unreadable): a usage/I-O error, not a finding. */
  failures: { file: string; message: string }[];
}

export interface BatchOptions extends CheckOptions {
  /** Threads to use; defaults to the machine's cores. */
  jobs?: number;
}

/** Below this many files a worker thread costs more to start than it saves. */
const FILES_PER_EXTRA_THREAD = 48;

/**
 * Checks many files on every core. The main thread and the worker threads claim file indexes from one
 * shared counter, so a thread that gets faster files simply takes more of them; results are put back
 * in input order.
 */
export async function checkFiles(files: string[], options: BatchOptions = {}): Promise<BatchResult> {
  const results: (FileReport | { file: string; message: string } | undefined)[] = new Array(files.length);
  const stdinAt = files.indexOf('-');
  if (stdinAt >= 0) results[stdinAt] = await checkOne('-', options, await settle(readSource('-')));

  const threads = Math.min(options.jobs ?? availableParallelism(), Math.ceil(files.length / FILES_PER_EXTRA_THREAD));
  const counter = new Int32Array(new SharedArrayBuffer(4));
  const claim = () => Atomics.add(counter, 0, 1); let mainCount = 0;
  const rules = options.rules;
  const workers = Array.from({ length: Math.max(0, threads - 1) }, () => {
    const worker = new Worker(new URL('./worker.js', import.meta.url), { workerData: { files, counter, rules, skip: stdinAt } });
    return new Promise<void>((resolve, reject) => {
      worker.on('message', (batch: [number, FileReport | { file: string; message: string }][]) => {
        for (const [index, result] of batch) results[index] = result;
      });
      worker.on('error', reject);
      worker.on('exit', () => resolve());
    });
  });
  for (let i = claim(); i < files.length; i = claim()) {
    if (i === stdinAt) continue;
    results[i] = checkPath(files[i], options); mainCount++;
  }
  const tMain = performance.now(); await Promise.all(workers); if (process.env.JM_DEBUG) console.error("main did", mainCount, "waited", performance.now() - tMain);

  const reports: FileReport[] = [];
  const failures: BatchResult['failures'] = [];
  for (const result of results) {
    if (result === undefined) continue;
    if ('findings' in result) reports.push(result);
    else failures.push(result);
  }
  return { reports, failures };
}

/** Reads and checks one file; a file that cannot be read becomes a failure, not an exception. */
export function checkPath(file: string, options: CheckOptions): FileReport | { file: string; message: string } {
  let read: SourceResult;
  try {
    read = readSourceSync(file);
  } catch (error) {
    return { file, message: error instanceof JourneymapError ? error.message : String(error) };
  }
  return checkOne(file, options, read);
}

function checkOne(file: string, options: CheckOptions, read: SourceResult | JourneymapError): FileReport | { file: string; message: string } {
  if (read instanceof JourneymapError) return { file, message: read.message };
  if (!read.ok) return reportUnreadable(read.file, read.text, read.finding);
  return checkSource(read.source, options);
}

async function settle(promise: Promise<SourceResult>): Promise<SourceResult | JourneymapError> {
  try {
    return await promise;
  } catch (error) {
    return error instanceof JourneymapError ? error : new JourneymapError(String(error));
  }
}
