import { resolve } from 'node:path';
import type { Command } from 'commander';
import { BuildCache, readIfThere } from '../../cache/index.js';
import { ExitCode, JourneymapError } from '../../errors.js';
import type { MapSource, Project } from '../../project/index.js';
import { OUTPUT_FORMATS, type OutputFormat } from '../../render/formats.js';
import type { RenderOptions } from '../../render/options.js';
import type { PrintJob, PrintOptions } from '../../render/print/index.js';
import type { FitMode, PngMode } from '../../render/print/paper.js';
import type { FileReport } from '../../validate/finding.js';
import { version } from '../../version.js';
import { outputPath, writeFileAtomic } from '../../write/atomic.js';
import { notice } from '../output.js';
import { given, givenFlags, openProject } from '../project.js';

/** Everything a build reads: the project's settings, and the options only build has. */
export interface BuildOptions extends PrintOptions {
  format: OutputFormat[];
  color: boolean;
}

/** The options as commander parsed them; those that are settings are resolved by the project. */
export interface BuildCliOptions {
  format: string;
  browserPath?: string;
  timeout?: number;
  jobs?: number;
  fit?: FitMode;
  png?: PngMode;
  cache: boolean;
  watch?: boolean;
  color: boolean;
}

/** Parses `--format html,svg` into a list of known formats. */
export function parseFormats(value: string): OutputFormat[] {
  const formats = value.split(',').map((f) => f.trim().toLowerCase()).filter(Boolean);
  for (const f of formats) {
    if (!(OUTPUT_FORMATS as readonly string[]).includes(f)) throw new JourneymapError(`unknown output format "${f}"; choose from ${OUTPUT_FORMATS.join(', ')}`);
  }
  if (formats.length === 0) throw new JourneymapError(`--format needs at least one of ${OUTPUT_FORMATS.join(', ')}`);
  return [...new Set(formats)] as OutputFormat[];
}

/** `journeymap build`: builds the project's maps once, and with `--watch` keeps rebuilding. */
export async function runBuildCommand(command: Command, paths: string[], cli: BuildCliOptions): Promise<number> {
  const formats = given(command, 'format') ? parseFormats(cli.format) : undefined;
  const project = await openProject(command, paths, { flags: givenFlags(command, { formats }), cache: cli.cache, color: cli.color });
  if (typeof project === 'number') return project;
  const options = buildOptions(project, cli);
  const cache = project.cacheDir ? new BuildCache(project.cacheDir) : undefined;

  const files = await project.files();
  refuseCollisions(files, options);
  if (!cli.watch) return buildMaps(project, files, options, cache);
  if (project.inputs.paths.includes('-')) throw new JourneymapError('--watch cannot watch standard input; name the map files');

  await buildMaps(project, files, options, cache).catch(reportWatchError);
  const { templatesRevision, watchMaps } = await import('../../watch/index.js');
  const { untilInterrupted } = await import('../signals.js');
  let current = options;
  let revision = 0;
  const watcher = watchMaps(
    { inputs: project.inputs, files: project.files, templates: options.templates, configFile: project.config?.file },
    {
      onMap: async (file) => void (await buildMaps(project, [file], current, cache)),
      onTemplates: async () => {
        cache?.forgetTemplates();
        current = { ...options, templates: templatesRevision(options.templates!, ++revision) };
        await buildMaps(project, await project.files(), current, cache);
      },
      onConfig: () => notice(`journeymap: ${project.config?.file} changed; restart the watch to apply it`),
      onError: reportWatchError,
    },
  );
  await watcher.ready;
  // Listening for Ctrl-C before saying so: a signal sent as soon as the line appears must stop the watch.
  const interrupted = untilInterrupted();
  notice('watching for changes (press Ctrl-C to stop)');
  await interrupted;
  await watcher.close();
  return ExitCode.ok;
}

/** While watching, a failure is reported and the watch goes on. */
function reportWatchError(error: unknown): void {
  notice(`journeymap: ${error instanceof JourneymapError ? error.message : ((error as Error)?.message ?? String(error))}`);
}

/** The project's settings as a build uses them, with the options only build has. */
export function buildOptions(project: Project, cli: BuildCliOptions): BuildOptions {
  const { settings } = project;
  return {
    ...project.render,
    format: settings.formats,
    outDir: settings.outDir,
    paper: settings.paper,
    orientation: settings.orientation,
    scale: settings.scale,
    browserPath: cli.browserPath,
    timeout: cli.timeout,
    jobs: cli.jobs,
    fit: cli.fit,
    png: cli.png,
    color: cli.color,
  };
}

/**
 * Two maps whose outputs would land on the same file (`a/knee.journey.yaml` and `b/knee.journey.yaml` with
 * one `--out-dir`) are refused before anything is written: one would silently overwrite the other.
 */
export function refuseCollisions(files: string[], options: Pick<BuildOptions, 'format' | 'outDir'>): void {
  const owner = new Map<string, string>();
  for (const file of files) {
    for (const format of options.format) {
      const out = resolve(outputPath(file, format, options.outDir));
      const other = owner.get(out);
      if (other !== undefined && other !== file) {
        throw new JourneymapError(`${other} and ${file} would both be written to ${outputPath(file, format, options.outDir)}; build them into different folders, or rename one`);
      }
      owner.set(out, file);
    }
  }
}

/**
 * Validates each map, then renders the valid ones. A map with errors is reported as `validate` would and
 * none of its outputs is written or overwritten; the other maps still build. An output whose inputs have
 * not changed since it was written is skipped. A file that cannot be read or written is reported in one
 * line (exit 2), and the other maps still build.
 */
export async function buildMaps(project: Project, files: string[], options: BuildOptions, cache?: BuildCache): Promise<number> {
  let exit: number = ExitCode.ok;
  const invalid: FileReport[] = [];
  const printJobs: PrintJob[] = [];
  const printed: { output: string; key: string }[] = [];
  const wantsText = options.format.filter((f) => f === 'html' || f === 'svg');
  const wantsPrint = options.format.filter((f) => f === 'pdf' || f === 'png');
  const renderers = await loadTextRenderers(wantsText);
  const keyOf = async (text: string | undefined, file: string, format: OutputFormat) =>
    cache && text !== undefined && file !== '-'
      ? cache.key({ source: text, sourceFile: file, format, options: { ...cacheOptions(options), ...(format === 'pdf' ? await pdfFooterInputs(file) : {}) }, templates: options.templates })
      : undefined;

  const ioFailed = (error: unknown) => {
    if (!(error instanceof JourneymapError)) throw error;
    notice(`journeymap: ${error.message}`);
    exit = Math.max(exit, error.exitCode);
  };

  for (const file of files) {
    const loaded = await project.load(file).catch(ioFailed);
    if (!loaded) continue;
    const { report, map, text } = loaded;
    if (report.findings.length) invalid.push(report);
    if (!map) {
      exit = Math.max(exit, ExitCode.invalid);
      continue;
    }
    for (const format of wantsText) {
      const out = outputPath(file, format, options.outDir);
      const key = await keyOf(text, file, format);
      if (key && (await cache!.isFresh(out, key))) {
        notice(`unchanged ${out}`);
        continue;
      }
      const data = renderers[format]!(map, { ...options, sourceFile: file });
      try {
        await writeFileAtomic(out, data);
      } catch (error) {
        ioFailed(error);
        continue;
      }
      if (key) await cache!.record(out, key, data);
      notice(`wrote ${out}`);
    }
    const prints: { output: string; key?: string; fresh: boolean }[] = [];
    for (const format of wantsPrint) {
      const output = outputPath(file, format, options.outDir);
      const key = await keyOf(text, file, format);
      prints.push({ output, key, fresh: key !== undefined && (await cache!.isFresh(output, key)) });
    }
    // The printer makes every print format of a map at once: one stale output reprints them all.
    if (prints.some((p) => !p.fresh)) printJobs.push({ file, map });
    else for (const p of prints) notice(`unchanged ${p.output}`);
    for (const p of prints) if (p.key && !p.fresh) printed.push({ output: p.output, key: p.key });
  }
  if (invalid.length) {
    // The report formatter (and chalk) load only when there is something to report.
    const { stylish } = await import('../../format/stylish.js');
    process.stderr.write(stylish(invalid, { color: options.color, version }));
  }

  if (printJobs.length) {
    const { printWithProgress } = await import('../print.js');
    const result = await printWithProgress(printJobs, options, options.color);
    exit = Math.max(exit, result);
    // Printing reports success for the whole batch only, so outputs are recorded only when all printed.
    if (result === ExitCode.ok && cache) await recordPrinted(cache, printed);
  }
  return exit;
}

/** The options that change the bytes of an output (not where it goes, how many jobs, or the browser). */
function cacheOptions(options: BuildOptions): Record<string, unknown> {
  return { theme: options.theme, paper: options.paper, orientation: options.orientation, scale: options.scale, thresholds: options.thresholds, fit: options.fit, png: options.png };
}

/**
 * What a PDF shows beyond the map and the options: its footer names the map's commit (marked when it has
 * changes), and SOURCE_DATE_EPOCH sets its dates. A PDF built before a commit is stale after it.
 */
async function pdfFooterInputs(file: string): Promise<Record<string, unknown>> {
  const { gitCommit } = await import('../../render/print/footer.js');
  return { commit: (await gitCommit(file)) ?? null, sourceDateEpoch: process.env.SOURCE_DATE_EPOCH ?? null };
}

async function recordPrinted(cache: BuildCache, outputs: { output: string; key: string }[]): Promise<void> {
  for (const { output, key } of outputs) {
    const bytes = readIfThere(output);
    if (bytes) await cache.record(output, key, bytes);
  }
}

type TextRenderer = (map: NonNullable<MapSource['map']>, options: RenderOptions) => string;

/** Loads only the renderers asked for, so an SVG build never loads the HTML templates and vice versa. */
async function loadTextRenderers(formats: OutputFormat[]): Promise<Partial<Record<OutputFormat, TextRenderer>>> {
  const out: Partial<Record<OutputFormat, TextRenderer>> = {};
  if (formats.includes('html')) out.html = (await import('../../render/html/index.js')).renderHtml;
  if (formats.includes('svg')) out.svg = (await import('../../render/svg/index.js')).renderSvg;
  return out;
}
