import { randomBytes } from 'node:crypto';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/**
 * Writes a file so that readers see either the old content or the new, never a half-written file:
 * the data goes to a temporary file beside the target, which is then renamed over it.
 */
export async function writeFileAtomic(path: string, data: string | Uint8Array): Promise<void> {
  const dir = dirname(path);
  await mkdir(dir, { recursive: true });
  const temp = join(dir, `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    await writeFile(temp, data);
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}

/** The output path for a map: `knee.journey.yaml` gives `knee.html` in the map's folder or in outDir. */
export function outputPath(input: string, extension: string, outDir?: string): string {
  const name = (input === '-' ? 'stdin' : basename(input)).replace(/(\.journey)?\.ya?ml$/i, '');
  return join(outDir ?? (input === '-' ? '.' : dirname(input)), `${name}.${extension}`);
}
