import { availableParallelism } from 'node:os';
import type { Page } from 'puppeteer-core';
import { findBrowser } from '../../browser/find.js';
import { launchBrowser, type BrowserSession } from '../../browser/launch.js';
import { ForegroundCaptures } from '../../browser/foreground.js';
import { openLockedPage } from '../../browser/lockdown.js';
import { JourneymapError } from '../../errors.js';
import type { JourneyMap } from '../../types/journeymap.js';
import { version } from '../../version.js';
import { outputPath, writeFileAtomic } from '../../write/atomic.js';
import type { RenderOptions } from '../options.js';
import { pageGeometry, type FitMode, type PngMode } from './paper.js';
import { preparePdf, printPdf, type PdfSettings, type PreparedPdf } from './pdf.js';
import { printPng } from './png.js';
import { PrintBudget, runPool, TimeoutError, withTimeout } from './pool.js';

export interface PrintJob {
  file: string;
  map: JourneyMap;
}

/** The build options printing reads (a subset of `journeymap build`'s). */
export interface PrintOptions extends RenderOptions {
  format: readonly string[];
  outDir?: string;
  paper?: string;
  orientation?: string;
  scale?: number;
  browserPath?: string;
  /** Milliseconds allowed to print one map; 0 for no limit; unset for a limit that grows with the map's sheets. */
  timeout?: number;
  /** Maps printed at once; 0 or unset for the number of cores. */
  jobs?: number;
  /** `sheet`: each map's PDF on one sheet (and its notes sheet), whatever its text size. */
  fit?: FitMode;
  /** `sheet`: one PNG per printed sheet; `map` (default): one picture of the whole map. */
  png?: PngMode;
}

interface Output {
  path: string;
  bytes: Uint8Array;
}

/** What happens during a print run, in order, for a progress display (the library itself prints nothing). */
export type PrintEvent =
  | { type: 'browser'; version: string; path: string; source: string }
  | { type: 'start'; file: string }
  /** The map's page stalled past its time: it is printed again, once, on a fresh page. */
  | { type: 'retry'; file: string; message: string }
  | { type: 'printed'; file: string; outputs: string[]; notes: string[] }
  | { type: 'failed'; file: string; message: string; /** The map printed, but its output could not be written. */ unwritten?: boolean };

export interface PrintResult {
  /** Maps that could not be printed (each also reported as a `failed` event). */
  failed: number;
  /** Maps printed whose outputs could not be written (a read-only or missing folder): an I/O error. */
  unwritten: number;
  total: number;
  /** The run was stopped before it finished; what printed is written, nothing half-written. */
  stopped: boolean;
}

/** A print run under way: its result, and the two ways to end it early. */
export interface PrintRun {
  result: Promise<PrintResult>;
  /** Closes the browser, so every pending page fails fast and the run ends through its `finally` blocks. */
  stop(): void;
  /** Kills the browser and removes its profile synchronously, for a caller that will not wait. */
  kill(): void;
}

/**
 * Prints maps to PDF and/or PNG with one browser for the whole call and a bounded pool of pages. A map
 * that fails or times out fails alone; the others still print. The result rejects (exit 2) when no
 * browser can be found or started.
 */
export function startPrinting(jobs: PrintJob[], options: PrintOptions, onEvent: (event: PrintEvent) => void = () => undefined): PrintRun {
  let session: BrowserSession | undefined;
  let stopped = false;
  const result = print(jobs, options, onEvent, {
    stopped: () => stopped,
    started: (s) => (session = s),
  });
  return {
    result,
    stop() {
      stopped = true;
      void session?.close();
    },
    kill() {
      stopped = true;
      session?.killNow();
    },
  };
}

/** Prints maps and resolves when all are done: `startPrinting` for callers that never stop a run. */
export async function printMaps(jobs: PrintJob[], options: PrintOptions, onEvent?: (event: PrintEvent) => void): Promise<PrintResult> {
  return startPrinting(jobs, options, onEvent).result;
}

async function print(
  jobs: PrintJob[],
  options: PrintOptions,
  onEvent: (event: PrintEvent) => void,
  run: { stopped(): boolean; started(session: BrowserSession): void },
): Promise<PrintResult> {
  const formats = (['pdf', 'png'] as const).filter((f) => options.format.includes(f));
  const outcome: PrintResult = { failed: 0, unwritten: 0, total: jobs.length, stopped: false };
  if (!jobs.length || !formats.length) return outcome;
  const geometry = pageGeometry(options.paper, options.orientation);
  const scale = options.scale ?? 2;
  const concurrency = options.jobs || availableParallelism();
  const found = findBrowser({ browserPath: options.browserPath });
  const render: RenderOptions = { theme: options.theme, templates: options.templates, thresholds: options.thresholds, density: 'print' };
  const sourceDate = sourceDateEpoch();

  let session: BrowserSession | undefined;
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
        if (up || run.stopped()) break;
        prepared.set(job, preparePdf(job.file, job.map, render));
      }
    }
    session = await launching;
    run.started(session);
    if (run.stopped()) return { ...outcome, stopped: true };
    onEvent({ type: 'browser', version: session.version, path: found.path, source: found.source });
    const settings: PdfSettings = {
      geometry,
      render,
      creator: `journeymap ${version}`,
      producer: `${session.version} via journeymap ${version}`,
      sourceDate,
      fit: options.fit,
    };
    const browser = session.browser;
    const captures = new ForegroundCaptures(browser);

    // One page per worker, reused from map to map; a page that failed or timed out is replaced.
    const pages: (Page | undefined)[] = [];
    const printFormats = async (page: Page, job: PrintJob, budget: PrintBudget, notes: string[]): Promise<Output[]> => {
      const { file, map } = job;
      const outputs: Output[] = [];
      // A PDF is printed for --format pdf, and for --png sheet, whose pictures are of the PDF's sheets.
      const pngSheets = formats.includes('png') && options.png === 'sheet';
      if (formats.includes('pdf') || pngSheets) {
        const path = outputPath(file, 'pdf', options.outDir);
        const pdf = await printPdf(page, file, map, { ...settings, pngSheets: pngSheets ? { density: scale, captures } : undefined }, budget, prepared.get(job));
        if (formats.includes('pdf')) {
          notes.push(...pdf.notes.map((note) => `${path}: ${note}`));
          outputs.push({ path, bytes: pdf.bytes });
        }
        const png = outputPath(file, 'png', options.outDir);
        pdf.sheets.forEach((bytes, i) => outputs.push({ path: png.replace(/\.png$/, `-${i + 1}.png`), bytes }));
      }
      if (formats.includes('png') && !pngSheets) {
        outputs.push({ path: outputPath(file, 'png', options.outDir), bytes: await printPng(page, file, map, render, scale, budget, captures) });
      }
      return outputs;
    };

    // Pages are not closed at the end: closing the browser ends them all at once.
    await runPool(
      jobs,
      concurrency,
      async (job, _index, worker) => {
        const { file } = job;
        onEvent({ type: 'start', file });
        let notes: string[] = [];
        let outputs: Output[];
        // Each try has the whole time allowed: a retry is a fresh start on a fresh page, not the rest of a
        // stalled one's time.
        const attempt = async () => {
          notes = [];
          const budget = new PrintBudget(options.timeout);
          const print = async () => printFormats((pages[worker] ??= await openLockedPage(browser)), job, budget, notes);
          return withTimeout(print(), budget, async () => pages[worker]?.close());
        };
        const dropPage = async () => {
          await pages[worker]?.close().catch(() => undefined);
          pages[worker] = undefined;
        };
        try {
          try {
            outputs = await attempt();
          } catch (error) {
            // A page that stalled (the browser stopped answering it) is tried once more on a fresh page;
            // any other failure is the map's own and would only fail again.
            if (!(error instanceof TimeoutError) || run.stopped()) throw error;
            await dropPage();
            onEvent({ type: 'retry', file, message: error.message });
            outputs = await attempt().catch((again: unknown) => {
              throw again instanceof TimeoutError ? new TimeoutError(again.ms, true) : again;
            });
          }
        } catch (error) {
          await dropPage();
          if (run.stopped()) return;
          outcome.failed += 1;
          onEvent({ type: 'failed', file, message: oneLine(error) });
          return;
        }
        if (run.stopped()) return;
        try {
          // Every format of a map is printed before any is written: a failed map keeps its old files.
          for (const output of outputs) await writeFileAtomic(output.path, output.bytes);
        } catch (error) {
          outcome.unwritten += 1;
          onEvent({ type: 'failed', file, message: (error as Error).message, unwritten: true });
          return;
        }
        onEvent({ type: 'printed', file, outputs: outputs.map((o) => o.path), notes });
      },
      run.stopped,
    );
  } finally {
    await session?.close();
  }
  return { ...outcome, stopped: run.stopped() };
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
