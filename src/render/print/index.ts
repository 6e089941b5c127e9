import { availableParallelism } from 'node:os';
import { basename } from 'node:path';
import type { Page } from 'puppeteer-core';
import { findBrowser } from '../../browser/find.js';
import { launchBrowser, type BrowserSession } from '../../browser/launch.js';
import { openLockedPage } from '../../browser/lockdown.js';
import { ExitCode, JourneymapError } from '../../errors.js';
import type { JourneyMap } from '../../types/journeymap.js';
import { version } from '../../version.js';
import { outputPath, writeFileAtomic } from '../../write/atomic.js';
import type { RenderOptions } from '../options.js';
import { pageGeometry } from './paper.js';
import { preparePdf, printPdf, type PdfSettings, type PreparedPdf } from './pdf.js';
import { printPng } from './png.js';
import { PrintBudget, runPool, withTimeout } from './pool.js';
import { createProgress } from './progress.js';
import { watchInterrupts } from './signals.js';

export interface PrintJob {
  file: string;
  map: JourneyMap;
}

/** The build options printing reads (a subset of `journeymap build`'s). */
export interface PrintOptions extends RenderOptions {
  format: readonly string[];
  outDir?: string;
  color?: boolean;
  paper?: string;
  orientation?: string;
  scale?: number;
  browserPath?: string;
  /** Milliseconds allowed to print one map; 0 for no limit; unset for a limit that grows with the map's sheets. */
  timeout?: number;
  /** Maps printed at once; 0 or unset for the number of cores. */
  jobs?: number;
}

interface Output {
  path: string;
  bytes: Uint8Array;
}

/**
 * Prints maps to PDF and/or PNG with one browser for the whole call and a bounded pool of pages. A map
 * that fails or times out fails alone; the others still print. Returns 0, or 1 when a map failed;
 * throws (exit 2) when no browser can be found or started, and 130/143 when interrupted.
 */
export async function printMaps(jobs: PrintJob[], options: PrintOptions): Promise<number> {
  const formats = (['pdf', 'png'] as const).filter((f) => options.format.includes(f));
  if (!jobs.length || !formats.length) return ExitCode.ok;
  const geometry = pageGeometry(options.paper, options.orientation);
  const scale = options.scale ?? 2;
  const concurrency = options.jobs || availableParallelism();
  const found = findBrowser({ browserPath: options.browserPath });
  const render: RenderOptions = { theme: options.theme, templates: options.templates, density: 'print' };
  const sourceDate = sourceDateEpoch();

  let session: BrowserSession | undefined;
  const progress = createProgress(jobs.length, process.stderr, options.color);
  const interruption = watchInterrupts(
    (signal) => {
      progress.line(`${signal}: stopping; closing the browser`);
      void session?.close();
    },
    () => session?.killNow(),
  );
  let failed = 0;
  try {
    // While the browser starts, the maps' pages are rendered (a turn of the event loop each, so the
    // browser's messages still get through): that work is then off the printing's path. Only until the
    // browser is up, so a long batch does not hold every page in memory; the rest render as they print.
    let up = false;
    const launching = launchBrowser(found.path);
    launching.then(
      () => (up = true),
      () => (up = true),
    );
    const prepared = new Map<PrintJob, PreparedPdf>();
    if (formats.includes('pdf')) {
      for (const job of jobs) {
        await new Promise((resolve) => setImmediate(resolve));
        if (up || interruption.signal) break;
        prepared.set(job, preparePdf(job.file, job.map, render));
      }
    }
    session = await launching;
    if (interruption.signal) return interrupted(interruption.signal, interruption.exitCode);
    progress.line(`started ${session.version} from ${found.path} (${found.source})`);
    const settings: PdfSettings = {
      geometry,
      render,
      creator: `journeymap ${version}`,
      producer: `${session.version} via journeymap ${version}`,
      sourceDate,
    };
    const browser = session.browser;

    // One page per worker, reused from map to map; a page that failed or timed out is replaced.
    const pages: (Page | undefined)[] = [];
    const printFormats = async (page: Page, job: PrintJob, budget: PrintBudget, notes: string[]): Promise<Output[]> => {
      const { file, map } = job;
      const outputs: Output[] = [];
      for (const format of formats) {
        const path = outputPath(file, format, options.outDir);
        if (format === 'pdf') {
          const pdf = await printPdf(page, file, map, settings, budget, prepared.get(job));
          notes.push(...pdf.notes.map((note) => `note: ${path}: ${note}`));
          outputs.push({ path, bytes: pdf.bytes });
        } else {
          outputs.push({ path, bytes: await printPng(page, file, map, render, scale, budget) });
        }
      }
      return outputs;
    };

    // Pages are not closed at the end: closing the browser ends them all at once.
    await runPool(
      jobs,
      concurrency,
      async (job, _index, worker) => {
        const { file } = job;
        const name = file === '-' ? 'stdin' : basename(file);
        progress.started(name);
        const notes: string[] = [];
        try {
          const budget = new PrintBudget(options.timeout);
          const print = async () => printFormats((pages[worker] ??= await openLockedPage(browser)), job, budget, notes);
          const outputs = await withTimeout(print(), budget, async () => pages[worker]?.close());
          if (interruption.signal) return;
          // Every format of a map is printed before any is written: a failed map keeps its old files.
          for (const output of outputs) await writeFileAtomic(output.path, output.bytes);
          for (const note of notes) progress.line(note);
          progress.done(name, `printed ${outputs.map((o) => o.path).join(', ')}`);
        } catch (error) {
          await pages[worker]?.close().catch(() => undefined);
          pages[worker] = undefined;
          if (interruption.signal) return;
          failed += 1;
          progress.done(name, `failed to print ${file}: ${oneLine(error)}`);
        }
      },
      () => interruption.signal !== undefined,
    );
  } finally {
    await session?.close();
    progress.close();
    interruption.dispose();
  }
  if (interruption.signal) return interrupted(interruption.signal, interruption.exitCode);
  if (failed) process.stderr.write(`${failed} of ${jobs.length} map${jobs.length === 1 ? '' : 's'} could not be printed\n`);
  return failed ? ExitCode.invalid : ExitCode.ok;
}

function interrupted(signal: NodeJS.Signals, exitCode: number): never {
  throw new JourneymapError(`stopped by ${signal}; the browser was closed and no output was left half-written`, exitCode);
}

/** SOURCE_DATE_EPOCH (seconds since 1970), the reproducible-builds way to pin dates in outputs. */
function sourceDateEpoch(): Date | undefined {
  const value = process.env.SOURCE_DATE_EPOCH?.trim();
  if (!value) return undefined;
  if (!/^\d+$/.test(value)) throw new JourneymapError(`SOURCE_DATE_EPOCH must be a whole number of seconds, got "${value}"`);
  return new Date(Number(value) * 1000);
}

/** Browser errors can run to many lines of protocol detail; the first says what went wrong. */
function oneLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.split('\n')[0].replace(/^Protocol error \([^)]*\): /, '');
}
