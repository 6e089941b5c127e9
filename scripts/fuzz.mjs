// The nightly-size run of the fast-YAML differential check (test/fast-yaml-differential.test.ts runs a
// few hundred thousand cases in `npm test`): millions of generated documents and mutations of real ones,
// each read by the fast path and, when it accepts, by the full parse, which must agree.
//
// Usage: npm run fuzz -- [--count N] [--seed S] [--workers W]
//   --count    cases in all (default 1,000,000), split between the workers
//   --seed     fast-check seed (default: the time, printed so a failure can be replayed); worker i uses S + i
//   --workers  worker threads (default 1)
// Exit 0 when no case diverged; 1 with the (shrunk) counterexample and what differs otherwise.
import { availableParallelism } from 'node:os';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import fc from 'fast-check';
import { documentArb, mutationArb, nestingArb } from '../test/helpers/yaml-corpus.mjs';
import { compare, seedDocuments, suiteCases } from '../test/helpers/yaml-differential.mjs';

const PROGRESS_EVERY = 50_000;

function option(name, fallback) {
  const at = process.argv.indexOf(`--${name}`);
  if (at < 0) return fallback;
  const value = Number(process.argv[at + 1]);
  if (!Number.isSafeInteger(value) || value < 0) {
    console.error(`fuzz: --${name} takes a whole number, not ${process.argv[at + 1]}`);
    process.exit(2);
  }
  return value;
}

/** Generated documents most of the time; mutations of real maps (slow: they are large) and of suite cases. */
function corpus() {
  const suite = suiteCases();
  return fc.oneof(
    { weight: 16, arbitrary: documentArb },
    { weight: 2, arbitrary: mutationArb(suite) },
    { weight: 1, arbitrary: mutationArb(seedDocuments()) },
    { weight: 1, arbitrary: nestingArb },
  );
}

function runWorker({ seed, count }) {
  let done = 0;
  let accepted = 0;
  const result = fc.check(
    fc.property(corpus(), (text) => {
      const { accepted: ok, problem } = compare(text);
      if (ok) accepted++;
      if (++done % PROGRESS_EVERY === 0) parentPort.postMessage({ progress: PROGRESS_EVERY, accepted });
      if (problem) throw new Error(problem);
    }),
    { seed, numRuns: count },
  );
  parentPort.postMessage({ finished: true, done: result.numRuns, accepted, failure: result.failed ? fc.defaultReportMessage(result) : undefined });
}

function main() {
  const count = option('count', 1_000_000);
  const seed = option('seed', Date.now() % 2 ** 31);
  const workers = Math.max(1, Math.min(option('workers', 1), availableParallelism()));
  console.log(`fuzz: ${count.toLocaleString('en')} cases, seed ${seed}, ${workers} worker${workers > 1 ? 's' : ''}`);
  const started = performance.now();
  let done = 0;
  let finished = 0;
  let failed = false;
  let accepted = 0;
  for (let i = 0; i < workers; i++) {
    const share = Math.floor(count / workers) + (i < count % workers ? 1 : 0);
    const worker = new Worker(new URL(import.meta.url), { workerData: { seed: seed + i, count: share } });
    worker.on('message', (message) => {
      if (message.progress) {
        done += message.progress;
        const seconds = (performance.now() - started) / 1000;
        console.log(`fuzz: ${done.toLocaleString('en')} cases, ${seconds.toFixed(0)} s`);
        return;
      }
      accepted += message.accepted;
      if (message.failure) {
        failed = true;
        console.error(`fuzz: worker ${i} (seed ${seed + i}) found a divergence:\n${message.failure}`);
      }
      if (++finished === workers) {
        const seconds = (performance.now() - started) / 1000;
        console.log(`fuzz: ${failed ? 'FAILED' : 'passed'}: ${count.toLocaleString('en')} cases, the fast path accepted ${accepted.toLocaleString('en')}, ${failed ? 'with' : 'no'} divergence, ${seconds.toFixed(0)} s`);
        process.exitCode = failed ? 1 : 0;
      }
    });
    worker.on('error', (error) => {
      console.error(`fuzz: worker ${i} crashed: ${error.stack ?? error}`);
      process.exit(1);
    });
  }
}

if (isMainThread) main();
else runWorker(workerData);
