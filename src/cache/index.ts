import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { version } from '../version.js';
import { writeFileAtomic } from '../write/atomic.js';

// node:crypto loads on first use: a build with the cache off never pays for it.
const createHash = (algorithm: string) => process.getBuiltinModule('node:crypto').createHash(algorithm);

/**
 * A file's bytes, or undefined when it cannot be read. Read synchronously, as outputs are written: the
 * files are small, and a short run then never starts libuv's thread pool.
 */
export function readIfThere(path: string | URL): Buffer | undefined {
  try {
    return readFileSync(path);
  } catch {
    return undefined;
  }
}

/** The cache's folder name; it may be deleted at any time (the next build simply does all the work). */
export const CACHE_DIR_NAME = '.journeymap-cache';

/** What an output depends on. Anything that can change the bytes of the output belongs here. */
export interface CacheInputs {
  /** The map's text. */
  source: string;
  /** The map's file name as given (the renderers may print it). */
  sourceFile: string;
  format: string;
  /** Every option that reaches the renderer: theme, paper, scale, rule settings… */
  options: Record<string, unknown>;
  /** A folder of user templates, hashed by content. */
  templates?: string;
}

interface Entry {
  output: string;
  key: string;
  /** The output's own hash, so an output edited or deleted by hand is rebuilt. */
  outputHash: string;
}

/**
 * A content-hash cache of build outputs: an output is skipped when the hash of everything it depends on
 * (the map, the templates, the theme and options, journeymap itself) matches the hash recorded when it
 * was written, and the output file is still the one written then.
 */
export class BuildCache {
  private readonly folderHashes = new Map<string, Promise<string>>();
  private ignored = false;

  constructor(readonly dir: string) {}

  /** The key of an output: a sha256 over its inputs. */
  async key(inputs: CacheInputs): Promise<string> {
    const hash = createHash('sha256');
    hash.update(JSON.stringify([version, await toolFingerprint(), inputs.sourceFile, inputs.format, sortKeys(inputs.options)]));
    hash.update('\0');
    hash.update(inputs.templates ? await this.folderHash(resolve(inputs.templates)) : '-');
    hash.update('\0');
    hash.update(inputs.source);
    return hash.digest('hex');
  }

  /** Whether `output` was written from inputs with this key and has not been touched since. */
  async isFresh(output: string, key: string): Promise<boolean> {
    const entry = await this.read(output);
    if (!entry || entry.key !== key) return false;
    const bytes = readIfThere(output);
    return bytes !== undefined && sha256(bytes) === entry.outputHash;
  }

  /**
   * Records that `output` now holds `data`, built from inputs with this key. A cache that cannot be written
   * (a read-only checkout) only costs a rebuild next time: the build itself does not fail for it.
   */
  async record(output: string, key: string, data: string | Uint8Array): Promise<void> {
    const entry: Entry = { output: resolve(output), key, outputHash: sha256(data) };
    try {
      if (!this.ignored) this.ignored = ignoreInGit(this.dir);
      await writeFileAtomic(this.entryPath(output), `${JSON.stringify(entry)}\n`);
    } catch {
      // Nothing recorded: the output is rebuilt next time.
    }
  }

  /** Forgets the hashes of template folders, for a long-running watch after a template changed. */
  forgetTemplates(): void {
    this.folderHashes.clear();
  }

  private entryPath(output: string): string {
    return join(this.dir, `${sha256(resolve(output)).slice(0, 40)}.json`);
  }

  private async read(output: string): Promise<Entry | undefined> {
    try {
      const entry = JSON.parse(readFileSync(this.entryPath(output), 'utf8')) as Entry;
      return entry.output === resolve(output) ? entry : undefined;
    } catch {
      // A missing or damaged entry only costs a rebuild.
      return undefined;
    }
  }

  private folderHash(dir: string): Promise<string> {
    let hash = this.folderHashes.get(dir);
    if (!hash) this.folderHashes.set(dir, (hash = hashFolder(dir)));
    return hash;
  }
}

/**
 * Creates the cache folder with a `.gitignore` of `*` inside it (as pytest does for its cache), so that
 * it never shows in `git status` of a maps repository, whatever that repository ignores. An existing
 * `.gitignore` is left as it is.
 */
function ignoreInGit(dir: string): boolean {
  mkdirSync(dir, { recursive: true });
  try {
    writeFileSync(join(dir, '.gitignore'), '# Created by journeymap: its build cache, never committed.\n*\n', { flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  return true;
}

/** A sha256 over a folder's file names and contents (an absent folder hashes as empty). */
export async function hashFolder(dir: string, ignore: string[] = []): Promise<string> {
  const { glob } = await import('tinyglobby');
  const files = (await glob('**/*', { cwd: dir, dot: false, onlyFiles: true, ignore }).catch(() => [])).sort();
  const hash = createHash('sha256');
  for (const file of files) {
    hash.update(file);
    hash.update('\0');
    hash.update(readIfThere(join(dir, file)) ?? Buffer.alloc(0));
    hash.update('\0');
  }
  return hash.digest('hex');
}

let fingerprint: Promise<string> | undefined;

/** The parts of journeymap that decide what an output looks like. */
const RENDERING = ['dist/render', 'dist/model', 'templates'];

/**
 * journeymap's own rendering code and built-in templates, by content: a rebuilt checkout with the same
 * version number never reuses outputs of the old code, and a rebuild that changes nothing keeps the cache.
 * `npm run build` records it (scripts/fingerprint.mjs), as hashing some fifty files and loading the glob
 * library took longer than a whole SVG build; without that record it is computed here.
 */
function toolFingerprint(): Promise<string> {
  if (!fingerprint) {
    const recorded = readIfThere(new URL('./fingerprint.txt', import.meta.url))?.toString('utf8').trim();
    fingerprint = recorded ? Promise.resolve(recorded) : computeToolFingerprint();
  }
  return fingerprint;
}

export function computeToolFingerprint(): Promise<string> {
  const root = fileURLToPath(new URL('../../', import.meta.url));
  return Promise.all(RENDERING.map((folder) => hashFolder(join(root, folder), ['**/*.d.ts', '**/*.map', 'init/**']))).then((parts) => `${version}:${parts.join(':')}`);
}

function sha256(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

function sortKeys(value: Record<string, unknown>): [string, unknown][] {
  return Object.keys(value)
    .sort()
    .filter((k) => value[k] !== undefined)
    .map((k) => [k, value[k]]);
}
