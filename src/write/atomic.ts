import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { ioFailure } from '../errors.js';

let written = 0;

/**
 * Writes a file so that readers see either the old content or the new, never a half-written file:
 * the data goes to a temporary file beside the target, which is then renamed over it. The calls are
 * synchronous on purpose: outputs are small, and a short run then never starts libuv's thread pool.
 * The temporary name needs to be unique, not secret: `wx` refuses to reuse an existing file. A failure is
 * a JourneymapError naming the path and the system's reason.
 */
export async function writeFileAtomic(path: string, data: string | Uint8Array): Promise<void> {
  const dir = dirname(path);
  const temp = join(dir, `.${basename(path)}.${process.pid}.${++written}.${Math.random().toString(36).slice(2, 8)}.tmp`);
  try {
    mkdirSync(dir, { recursive: true });
  } catch (error) {
    throw ioFailure('create the folder', dir, error);
  }
  try {
    writeFileSync(temp, data, { flag: 'wx' });
    renameSync(temp, path);
  } catch (error) {
    rmSync(temp, { force: true });
    throw ioFailure('write', path, error);
  }
}

/** The output path for a map: `knee.journey.yaml` gives `knee.html` in the map's folder or in outDir. */
export function outputPath(input: string, extension: string, outDir?: string): string {
  const name = (input === '-' ? 'stdin' : basename(input)).replace(/(\.journey)?\.ya?ml$/i, '');
  return join(outDir ?? (input === '-' ? '.' : dirname(input)), `${name}.${extension}`);
}
