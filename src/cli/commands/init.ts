import { mkdir, writeFile } from 'node:fs/promises';
import { readlinkSync, statSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import { ExitCode, JourneymapError } from '../../errors.js';
import { DEFAULT_INIT_FILE, mapFileName, starterMap, type InitTemplate } from '../../init/index.js';
import { writeFileAtomic } from '../../write/atomic.js';
import { notice } from '../output.js';

export interface InitCommandOptions {
  template: InitTemplate;
  force?: boolean;
}

/** `journeymap init [FILE]`: writes a starter map, never over an existing file unless forced. */
export async function runInit(name: string | undefined, options: InitCommandOptions): Promise<number> {
  const file = mapFileName(name ?? DEFAULT_INIT_FILE);
  const text = await starterMap(options.template, file, file === '-' ? stdoutFileName() : undefined);
  if (file === '-') {
    process.stdout.write(text);
    return ExitCode.ok;
  }
  if (options.force) {
    await writeFileAtomic(file, text);
  } else {
    await mkdir(dirname(file), { recursive: true });
    // 'wx' fails if the file exists, with no window between a check and the write.
    await writeFile(file, text, { flag: 'wx' }).catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'EEXIST') throw new JourneymapError(`${file} already exists; use --force to overwrite it`);
      throw new JourneymapError(`cannot write ${file}: ${error.message}`);
    });
  }
  notice(`wrote ${file} (${options.template} template)`);
  notice(`next: edit it, then run  journeymap validate ${file}  and  journeymap serve`);
  return ExitCode.ok;
}

/**
 * The name of the map file standard output is redirected to (`init - > draft.journey.yaml`), so that the
 * map's comments name it; where the system does not tell (no /proc, a pipe), the comments say `<file>`.
 */
function stdoutFileName(): string | undefined {
  try {
    const target = readlinkSync('/proc/self/fd/1');
    return statSync(target).isFile() && /\.ya?ml$/i.test(target) ? basename(target) : undefined;
  } catch {
    return undefined;
  }
}
