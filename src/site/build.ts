import { basename, dirname, join, resolve } from 'node:path';
import { BuildCache, readIfThere } from '../cache/index.js';
import { ExitCode, JourneymapError } from '../errors.js';
import { gitText } from '../git/index.js';
import type { Project } from '../project/index.js';
import type { JourneyMap } from '../types/journeymap.js';
import type { FileReport } from '../validate/finding.js';
import { outputPath, writeFileAtomic } from '../write/atomic.js';
import { invalidMap, pairJourneys, summarizeMap, type CommitInfo, type InvalidMap, type MapSummary } from './summary.js';

export interface SiteOptions {
  outDir: string;
  version: string;
  /** The build cache: a map page whose inputs have not changed is not rendered again. */
  cache?: BuildCache;
  /** Told what was written or skipped, and about files that could not be read or written. */
  log?: (message: string) => void;
}

export interface SiteResult {
  /** 0 built, 1 some maps invalid (the others built), 2 a file could not be read or written. */
  exit: number;
  /** The reports of the invalid maps, for printing as `validate` prints them. */
  invalid: FileReport[];
  maps: MapSummary[];
}

/** The folder diffs go in, under the site's folder: apart from the maps' pages, so no name can clash. */
export const DIFF_DIR = 'diffs';

/**
 * Builds a portfolio site of the project's maps into `outDir`: each valid map's page as `build` writes it,
 * a diff page for each current/future pair, and `index.html`. Invalid maps are listed on the index with
 * their first error and returned for reporting; the others still build.
 */
export async function buildSite(project: Project, files: string[], options: SiteOptions): Promise<SiteResult> {
  const { outDir, cache, log = () => {} } = options;
  refuseClashes(files, outDir);
  const { buildMapView } = await import('../render/view/index.js');
  const { renderHtmlView } = await import('../render/html/index.js');
  const cacheOptions = { theme: project.settings.theme, paper: project.settings.paper, orientation: project.settings.orientation, scale: project.settings.scale, thresholds: project.settings.thresholds };
  let exit: number = ExitCode.ok;
  const failed = (error: unknown) => {
    if (!(error instanceof JourneymapError)) throw error;
    log(`journeymap: ${error.message}`);
    exit = Math.max(exit, error.exitCode);
  };
  const write = async (out: string, data: string, key: string | undefined) => {
    try {
      await writeFileAtomic(out, data);
    } catch (error) {
      return failed(error);
    }
    if (key) await cache!.record(out, key, data);
    log(`wrote ${out}`);
  };

  const writeIfChanged = async (out: string, data: string) => (readIfThere(out)?.toString('utf8') === data ? log(`unchanged ${out}`) : write(out, data, undefined));

  const invalid: FileReport[] = [];
  const listed: InvalidMap[] = [];
  const maps: MapSummary[] = [];
  const sources = new Map<MapSummary, { map: JourneyMap; text: string }>();
  for (const file of files) {
    const loaded = await project.load(file).catch(failed);
    if (!loaded) continue;
    if (loaded.report.findings.length) invalid.push(loaded.report);
    if (!loaded.map) {
      listed.push(invalidMap(loaded.report));
      exit = Math.max(exit, ExitCode.invalid);
      continue;
    }
    const out = outputPath(file, 'html', outDir);
    const view = buildMapView(loaded.map, { thresholds: project.render.thresholds });
    const key = cache && file !== '-' ? await cache.key({ source: loaded.text, sourceFile: file, format: 'html', options: cacheOptions, templates: project.render.templates }) : undefined;
    if (key && (await cache!.isFresh(out, key))) log(`unchanged ${out}`);
    else await write(out, renderHtmlView(view, { ...project.render, sourceFile: file }), key);
    const summary = summarizeMap(loaded.map, view, file, encodeURIComponent(basename(out)), await lastCommit(file, project.cwd));
    maps.push(summary);
    sources.set(summary, { map: loaded.map, text: loaded.text });
  }

  const pairing = pairJourneys(maps, (journey) => `${DIFF_DIR}/${journey}.html`);
  if (pairing.pairs.length) {
    const { diffMaps } = await import('../diff/compare.js');
    const { diffHtml } = await import('../diff/format/html.js');
    for (const pair of pairing.pairs) {
      const [before, after] = [sources.get(pair.current)!, sources.get(pair.future)!];
      // Diffing is cheap and its code is not in the cache's fingerprint of the renderers: always made,
      // written only when its bytes changed.
      await writeIfChanged(join(outDir, DIFF_DIR, `${pair.journey}.html`), diffHtml(diffMaps(before.map, after.map, { old: pair.current.file, new: pair.future.file }), { color: false, version: options.version }));
    }
  }

  const { siteIndexHtml } = await import('./page.js');
  const index = siteIndexHtml({ maps, invalid: listed, pairing }, { theme: project.settings.theme, version: options.version });
  await writeIfChanged(join(outDir, 'index.html'), index);
  return { exit, invalid, maps };
}

/**
 * Two maps whose pages would be the same file, or a map whose page would be the index, are refused before
 * anything is written: one would silently replace the other.
 */
function refuseClashes(files: string[], outDir: string): void {
  const owner = new Map<string, string>([[resolve(outDir, 'index.html'), 'the site\'s index']]);
  for (const file of files) {
    const out = resolve(outputPath(file, 'html', outDir));
    const other = owner.get(out);
    if (other !== undefined && other !== file) throw new JourneymapError(`${other} and ${file} would both be written to ${outputPath(file, 'html', outDir)}; rename one, or build them into different sites`);
    owner.set(out, file);
  }
}

/**
 * The last commit that changed a map, read with git run safely (no fsmonitor, no hooks); none when the
 * map is not in a git repository, not committed, or git is not installed.
 */
export async function lastCommit(file: string, cwd: string): Promise<CommitInfo | undefined> {
  if (file === '-') return undefined;
  const path = resolve(cwd, file);
  const line = await gitText(['log', '-1', '--format=%h%x09%cs%x09%s', '--', basename(path)], dirname(path));
  if (!line) return undefined;
  const [hash, date, ...subject] = line.split('\t');
  return { hash, date, subject: subject.join('\t') };
}
