import { ExitCode } from '../errors.js';
import { version } from '../version.js';
import { ConfigError, loadConfig, type LoadedConfig } from './load.js';

/**
 * Loads the configuration for a command. A configuration that breaks its schema is reported on stderr
 * with located findings, like a map, and the command stops with exit code 2: the tool cannot do its job
 * as configured.
 */
export async function loadConfigForCommand(file: string | undefined, color: boolean): Promise<{ loaded?: LoadedConfig; exit?: number }> {
  try {
    return { loaded: await loadConfig({ file }) };
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    const { stylish } = await import('../format/stylish.js');
    process.stderr.write(stylish([error.report], { color, version }).replace(/[^\n]*\n$/, ''));
    process.stderr.write(`journeymap: ${error.message}\n`);
    return { exit: ExitCode.usage };
  }
}
