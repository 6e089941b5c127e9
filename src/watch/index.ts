import { statSync } from 'node:fs';
import { dirname, resolve, sep } from 'node:path';
import { watch, type FSWatcher } from 'chokidar';
import { isDynamicPattern } from 'tinyglobby';
import type { InputSpec } from '../project/inputs.js';

export interface WatchHandlers {
  /** A map was saved or added (path relative to the working folder). */
  onMap(file: string): Promise<void> | void;
  /** Something in the templates folder changed: every map depends on it. */
  onTemplates(): Promise<void> | void;
  /** The configuration file changed. */
  onConfig?(): Promise<void> | void;
  /** A handler failed; watching goes on. */
  onError(error: unknown): void;
}

export interface WatchOptions {
  inputs: InputSpec;
  /** The maps the inputs select now (with their exclusions): a project's `files()`. */
  files(): Promise<string[]>;
  templates?: string;
  configFile?: string;
  /** Changes closer together than this are handled once (editors save in several steps). */
  debounceMs?: number;
}

export interface MapWatcher {
  /** Resolves when chokidar has scanned the watched paths. */
  ready: Promise<void>;
  close(): Promise<void>;
}

/** Folders nobody keeps maps in, and that are large or written by journeymap itself. */
const IGNORED = /(?:^|[\\/])(?:node_modules|\.git|\.journeymap-cache)(?:[\\/]|$)/;
const MAP_FILE = /\.journey\.ya?ml$/i;

/**
 * Watches the maps of an InputSpec (and the folders they came from, so new maps are seen), the templates
 * folder and the configuration. Handlers run one at a time, in the order the changes came; a failing
 * handler is reported and watching goes on.
 */
export function watchMaps(options: WatchOptions, handlers: WatchHandlers): MapWatcher {
  const { inputs } = options;
  const templates = options.templates ? resolve(options.templates) : undefined;
  const config = options.configFile ? resolve(options.configFile) : undefined;
  const targets = new Set<string>();
  for (const path of inputs.paths) if (path !== '-') targets.add(resolve(inputs.cwd, staticPrefix(path)));
  if (templates) targets.add(templates);
  if (config) targets.add(config);

  const watched = watchedEntries(targets);
  const watcher: FSWatcher = watch(watched.paths, { ignoreInitial: true, ignored: (path) => IGNORED.test(path) || watched.ignored(path), persistent: true });
  const timers = new Map<string, NodeJS.Timeout>();
  let queue: Promise<void> = Promise.resolve();
  const run = (task: () => Promise<void> | void) => {
    queue = queue.then(task).catch(handlers.onError);
  };

  const changed = (path: string) => {
    const absolute = resolve(path);
    clearTimeout(timers.get(absolute));
    timers.set(
      absolute,
      setTimeout(() => {
        timers.delete(absolute);
        if (config && absolute === config) return run(() => handlers.onConfig?.());
        if (templates && (absolute === templates || absolute.startsWith(templates + sep))) return run(() => handlers.onTemplates());
        if (MAP_FILE.test(absolute)) run(async () => {
          // A file is one of the maps only if the inputs (with their exclusions) still select it.
          const files = await options.files().catch(() => [] as string[]);
          const file = files.find((f) => f !== '-' && resolve(f) === absolute);
          if (file !== undefined) await handlers.onMap(file);
        });
      }, options.debounceMs ?? 80),
    );
  };
  watcher.on('change', changed).on('add', changed).on('error', handlers.onError);
  const ready = new Promise<void>((done) => watcher.once('ready', () => done()));

  return {
    ready,
    async close() {
      for (const timer of timers.values()) clearTimeout(timer);
      await watcher.close();
      await queue;
    },
  };
}

/**
 * What chokidar watches for these targets. A folder is watched whole. A single file is watched through
 * its folder's entry for it: `git checkout FILE`, or an editor saving by rename, replaces the file, and
 * a watch on the file itself can miss the new one; a folder sees it appear, as it does for a folder
 * target. The rest of such a folder is ignored, and so is not descended into.
 */
function watchedEntries(targets: Set<string>): { paths: string[]; ignored: (path: string) => boolean } {
  const folders = [...targets].filter(isFolder);
  const inFolder = (path: string) => folders.some((folder) => path === folder || path.startsWith(folder + sep));
  const files = new Set([...targets].filter((target) => !folders.includes(target)));
  const parents = new Set([...files].map((file) => dirname(file)).filter((parent) => !inFolder(parent)));
  return {
    paths: [...folders, ...parents],
    ignored: (path) => {
      const absolute = resolve(path);
      if (parents.has(absolute) || files.has(absolute) || inFolder(absolute)) return false;
      return [...parents].some((parent) => absolute.startsWith(parent + sep));
    },
  };
}

function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    // A map not there yet is a file to come.
    return false;
  }
}

/** The part of a path before its first glob character: the folder to watch for a glob. */
function staticPrefix(path: string): string {
  if (!isDynamicPattern(path)) return path;
  const parts = path.split(/[\\/]/);
  const index = parts.findIndex((part) => isDynamicPattern(part));
  return parts.slice(0, index).join('/') || '.';
}

/**
 * The templates folder, spelled anew for each version of its contents (`dir`, `dir/.`, `dir/./.`…). The
 * HTML engine keeps compiled templates for the life of the process, keyed by the folder as written; a
 * watch or a server outlives one version of the templates, and a new spelling of the same folder makes
 * the engine read it again.
 */
export function templatesRevision(dir: string, revision: number): string {
  return dir + '/.'.repeat(revision);
}
