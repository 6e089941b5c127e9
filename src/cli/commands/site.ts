import type { Command } from 'commander';
import { BuildCache } from '../../cache/index.js';
import { version } from '../../version.js';
import { notice } from '../output.js';
import { openProject } from '../project.js';

export interface SiteCliOptions {
  cache: boolean;
  color: boolean;
}

/** Where the site goes when neither `--out-dir` nor the configuration's `outDir` says. */
export const DEFAULT_SITE_DIR = 'site';

/** `journeymap site`: the project's maps as a portfolio site; invalid maps reported as `validate` reports them. */
export async function runSite(command: Command, paths: string[], cli: SiteCliOptions): Promise<number> {
  const project = await openProject(command, paths, { cache: cli.cache, color: cli.color });
  if (typeof project === 'number') return project;
  const { buildSite } = await import('../../site/build.js');
  const result = await buildSite(project, await project.files(), {
    outDir: project.settings.outDir ?? DEFAULT_SITE_DIR,
    version,
    cache: project.cacheDir ? new BuildCache(project.cacheDir) : undefined,
    log: notice,
  });
  if (result.invalid.length) {
    const { stylish } = await import('../../format/stylish.js');
    process.stderr.write(stylish(result.invalid, { color: cli.color, version }));
  }
  return result.exit;
}
