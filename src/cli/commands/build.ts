import { join } from 'node:path';
import { loadMapFromText, type LoadedMap } from '../../api.js';
import { BuildCache, CACHE_DIR_NAME, readIfThere } from '../../cache/index.js';
import { expandProjectInputs } from '../../config/inputs.js';
import type { LoadedConfig } from '../../config/load.js';
import { loadConfigForCommand } from '../../config/report.js';
import { configPath, pick, resolveAnalyzeOptions, resolveInputs, resolveRules, type GivenOnCommandLine } from '../../config/resolve.js';
import { ExitCode, JourneymapError } from '../../errors.js';
import { readSource } from '../../load/source.js';
import type { RenderOptions } from '../../render/options.js';
import type { PrintOptions } from '../../render/print/index.js';
import { reportUnreadable, type FileReport } from '../../validate/finding.js';
import type { RuleSettings } from '../../validate/quick-check.js';
import { version } from '../../version.js';
import { outputPath, writeFileAtomic } from '../../write/atomic.js';
import { notice } from '../output.js';

export const OUTPUT_FORMATS = ['html', 'svg', 'pdf', 'png'] as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

/** Everything printing reads, plus what only the build command needs. */
export interface BuildCommandOptions extends PrintOptions {
  format: OutputFormat[];
  color: boolean;
  rules?: RuleSettings;
  /** Where to keep output hashes; none: always rebuild. */
  cacheDir?: string;
}

/** The options as commander parsed them, before the configuration is applied. */
export interface BuildCliOptions extends Omit<BuildCommandOptions, 'format' | 'rules' | 'cacheDir'> {
  format: string;
  config?: string;
  cache: boolean;
  watch?: boolean;
}

/** Parses `--format html,svg` into a list of known formats. */
export function parseFormats(value: string): OutputFormat[] {
  const formats = value.split(',').map((f) => f.trim().toLowerCase()).filter(Boolean);
  for (const f of formats) {
    if (!(OUTPUT_FORMATS as readonly string[]).includes(f)) throw new JourneymapError(`unknown output format "${f}"; choose from ${OUTPUT_FORMATS.join(', ')}`);
  }
  if (formats.length === 0) throw new JourneymapError('--format needs at least one of html, svg, pdf, png');
  return [...new Set(formats)] as OutputFormat[];
}

/** `journeymap build`: applies the configuration, builds once, and with `--watch` keeps rebuilding. */
export async function runBuildCommand(paths: string[], cli: BuildCliOptions, given: GivenOnCommandLine): Promise<number> {
  const { loaded, exit } = await loadConfigForCommand(cli.config, cli.color);
  if (exit !== undefined) return exit;
  const options = resolveBuildOptions(cli, given, loaded);
  const inputs = resolveInputs(paths, loaded);
  const cache = options.cacheDir ? new BuildCache(options.cacheDir) : undefined;

  if (!cli.watch) return buildMaps(await expandProjectInputs(inputs), options, cache);
  if (inputs.paths.includes('-')) throw new JourneymapError('--watch cannot watch standard input; name the map files');

  await buildMaps(await expandProjectInputs(inputs), options, cache).catch(reportWatchError);
  const { templatesRevision, untilInterrupted, watchMaps } = await import('../../watch/index.js');
  let current = options;
  let revision = 0;
  const watcher = watchMaps(
    { inputs, templates: options.templates, configFile: loaded?.file },
    {
      onMap: async (file) => void (await buildMaps([file], current, cache)),
      onTemplates: async () => {
        cache?.forgetTemplates();
        current = { ...options, templates: templatesRevision(options.templates!, ++revision) };
        await buildMaps(await expandProjectInputs(inputs), current, cache);
      },
      onConfig: () => notice(`journeymap: ${loaded?.file} changed; restart the watch to apply it`),
      onError: reportWatchError,
    },
  );
  await watcher.ready;
  notice('watching for changes (press Ctrl-C to stop)');
  await untilInterrupted();
  await watcher.close();
  return ExitCode.ok;
}

/** While watching, a failure is reported and the watch goes on. */
function reportWatchError(error: unknown): void {
  notice(`journeymap: ${error instanceof JourneymapError ? error.message : ((error as Error)?.message ?? String(error))}`);
}

/** Each option from the command line if given there, else from the configuration, else the default. */
export function resolveBuildOptions(cli: BuildCliOptions, given: GivenOnCommandLine, loaded: LoadedConfig | undefined): BuildCommandOptions {
  const { config: _config, cache, watch: _watch, format, ...rest } = cli;
  return {
    ...rest,
    format: pick('format', parseFormats(format), given, loaded, 'formats', (formats) => [...formats]),
    outDir: pick('outDir', cli.outDir, given, loaded, 'outDir', configPath),
    theme: pick('theme', cli.theme, given, loaded, 'theme'),
    templates: pick('templates', cli.templates, given, loaded, 'templates', configPath),
    paper: pick('paper', cli.paper, given, loaded, 'paper'),
    orientation: pick('orientation', cli.orientation, given, loaded, 'orientation'),
    scale: pick('scale', cli.scale, given, loaded, 'scale'),
    rules: resolveRules(loaded?.config),
    // The map shows the contact holes `analyze` finds under the same configuration.
    thresholds: resolveAnalyzeOptions(loaded?.config).thresholds,
    cacheDir: cache ? join(loaded?.dir ?? process.cwd(), CACHE_DIR_NAME) : undefined,
  };
}

/**
 * Validates each map, then renders the valid ones. A map with errors is reported as `validate` would and
 * none of its outputs is written or overwritten; the other maps still build. An output whose inputs have
 * not changed since it was written is skipped.
 */
export async function buildMaps(files: string[], options: BuildCommandOptions, cache?: BuildCache): Promise<number> {
  let exit: number = ExitCode.ok;
  const invalid: FileReport[] = [];
  const printJobs: { file: string; map: NonNullable<LoadedMap['map']> }[] = [];
  const printed: { output: string; key: string }[] = [];
  const wantsText = options.format.filter((f) => f === 'html' || f === 'svg');
  const wantsPrint = options.format.filter((f) => f === 'pdf' || f === 'png');
  const renderers = await loadTextRenderers(wantsText);
  const keyOf = async (text: string | undefined, file: string, format: OutputFormat) =>
    cache && text !== undefined && file !== '-'
      ? cache.key({ source: text, sourceFile: file, format, options: { ...cacheOptions(options), ...(format === 'pdf' ? await pdfFooterInputs(file) : {}) }, templates: options.templates })
      : undefined;

  for (const file of files) {
    const { report, map, text } = await loadForBuild(file, options.rules);
    if (report.findings.length) invalid.push(report);
    if (!map) {
      exit = ExitCode.invalid;
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
      await writeFileAtomic(out, data);
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
    const { printMaps } = await import('../../render/print/index.js');
    const result = await printMaps(printJobs, options);
    if (result !== ExitCode.ok && exit === ExitCode.ok) exit = result;
    // Printing reports success for the whole batch only, so outputs are recorded only when all printed.
    if (result === ExitCode.ok && cache) await recordPrinted(cache, printed);
  }
  return exit;
}

/** The options that change the bytes of an output (not where it goes, how many jobs, or the browser). */
function cacheOptions(options: BuildCommandOptions): Record<string, unknown> {
  return { theme: options.theme, paper: options.paper, orientation: options.orientation, scale: options.scale, thresholds: options.thresholds };
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

/** Reads a map once, so the text that is hashed for the cache is the text that was rendered. */
async function loadForBuild(file: string, rules: RuleSettings | undefined): Promise<LoadedMap & { text?: string }> {
  const read = await readSource(file);
  if (!read.ok) return { report: reportUnreadable(read.file, read.text, read.finding) };
  return { ...(await loadMapFromText(read.source.text, read.source.file, { rules })), text: read.source.text };
}

type TextRenderer = (map: NonNullable<LoadedMap['map']>, options: RenderOptions) => string;

/** Loads only the renderers asked for, so an SVG build never loads the HTML templates and vice versa. */
async function loadTextRenderers(formats: OutputFormat[]): Promise<Partial<Record<OutputFormat, TextRenderer>>> {
  const out: Partial<Record<OutputFormat, TextRenderer>> = {};
  if (formats.includes('html')) out.html = (await import('../../render/html/index.js')).renderHtml;
  if (formats.includes('svg')) out.svg = (await import('../../render/svg/index.js')).renderSvg;
  return out;
}
