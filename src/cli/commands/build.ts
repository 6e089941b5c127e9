import { loadMap } from '../../api.js';
import { ExitCode, JourneymapError } from '../../errors.js';
import { formatters } from '../../format/index.js';
import { expandInputs } from '../../load/inputs.js';
import type { RenderOptions } from '../../render/options.js';
import type { FileReport } from '../../validate/finding.js';
import { version } from '../../version.js';
import { outputPath, writeFileAtomic } from '../../write/atomic.js';
import { notice } from '../output.js';

export const OUTPUT_FORMATS = ['html', 'svg', 'pdf', 'png'] as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

export interface BuildCommandOptions extends RenderOptions {
  format: OutputFormat[];
  outDir?: string;
  color: boolean;
  /** Print options, used only by pdf and png. */
  paper?: string;
  orientation?: string;
  scale?: number;
  browserPath?: string;
  timeout?: number;
  jobs?: number;
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

/**
 * Validates each map, then renders the valid ones. A map with errors is reported as `validate` would and
 * none of its outputs is written or overwritten; the other maps still build.
 */
export async function runBuild(paths: string[], options: BuildCommandOptions): Promise<number> {
  const files = await expandInputs(paths);
  let exit: number = ExitCode.ok;
  const invalid: FileReport[] = [];
  const printJobs: { file: string; map: NonNullable<Awaited<ReturnType<typeof loadMap>>['map']> }[] = [];
  const wantsText = options.format.filter((f) => f === 'html' || f === 'svg');
  const wantsPrint = options.format.some((f) => f === 'pdf' || f === 'png');
  const renderers = await loadTextRenderers(wantsText);

  for (const file of files) {
    const { report, map } = await loadMap(file);
    if (report.findings.length) invalid.push(report);
    if (!map) {
      exit = ExitCode.invalid;
      continue;
    }
    for (const format of wantsText) {
      const out = outputPath(file, format, options.outDir);
      await writeFileAtomic(out, renderers[format]!(map, { ...options, sourceFile: file }));
      notice(`wrote ${out}`);
    }
    if (wantsPrint) printJobs.push({ file, map });
  }
  if (invalid.length) process.stderr.write(formatters.stylish(invalid, { color: options.color, version }));

  if (printJobs.length) {
    const { printMaps } = await import('../../render/print/index.js');
    const printed = await printMaps(printJobs, options);
    if (printed !== ExitCode.ok && exit === ExitCode.ok) exit = printed;
  }
  return exit;
}

type TextRenderer = (map: NonNullable<Awaited<ReturnType<typeof loadMap>>['map']>, options: RenderOptions) => string;

/** Loads only the renderers asked for, so an SVG build never loads the HTML templates and vice versa. */
async function loadTextRenderers(formats: OutputFormat[]): Promise<Partial<Record<OutputFormat, TextRenderer>>> {
  const out: Partial<Record<OutputFormat, TextRenderer>> = {};
  if (formats.includes('html')) out.html = (await import('../../render/html/index.js')).renderHtml;
  if (formats.includes('svg')) out.svg = (await import('../../render/svg/index.js')).renderSvg;
  return out;
}
