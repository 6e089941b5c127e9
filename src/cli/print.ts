import { basename } from 'node:path';
import { ExitCode, JourneymapError } from '../errors.js';
import type { PrintEvent, PrintJob, PrintOptions } from '../render/print/index.js';
import { plural } from '../words.js';
import { createProgress } from './progress.js';
import { watchInterrupts } from './signals.js';

/**
 * Prints maps with a progress display on stderr, and turns Ctrl-C into a clean stop: the first signal
 * closes the browser and lets the run finish its `finally` blocks (nothing is left half-written), a second
 * kills the browser at once. Returns 0, 1 when a map could not be printed, 2 when an output could not be
 * written; throws with the signal's exit code (130, 143) when stopped.
 */
export async function printWithProgress(jobs: PrintJob[], options: PrintOptions, color: boolean): Promise<number> {
  const { startPrinting } = await import('../render/print/index.js');
  const progress = createProgress(jobs.length, process.stderr, color);
  const name = (file: string) => (file === '-' ? 'stdin' : basename(file));
  const onEvent = (event: PrintEvent) => {
    if (event.type === 'browser') progress.line(`started ${event.version} from ${event.path} (${event.source})`);
    else if (event.type === 'start') progress.started(name(event.file));
    else if (event.type === 'retry') progress.line(`retry: ${name(event.file)} ${event.message}; printing it again on a fresh page`);
    else if (event.type === 'printed') {
      for (const note of event.notes) progress.line(`note: ${note}`);
      progress.done(name(event.file), `printed ${event.outputs.join(', ')}`);
    } else if (event.unwritten) progress.done(name(event.file), `journeymap: ${event.message}`);
    else progress.done(name(event.file), `failed to print ${event.file}: ${event.message}`);
  };
  const run = startPrinting(jobs, options, onEvent);
  const interruption = watchInterrupts(
    (signal) => {
      progress.line(`${signal}: stopping; closing the browser`);
      run.stop();
    },
    () => run.kill(),
  );
  try {
    const result = await run.result;
    if (interruption.signal) {
      throw new JourneymapError(`stopped by ${interruption.signal}; the browser was closed and no output was left half-written`, interruption.exitCode);
    }
    progress.close();
    if (result.failed) process.stderr.write(`${result.failed} of ${plural(result.total, 'map')} could not be printed\n`);
    return result.unwritten ? ExitCode.usage : result.failed ? ExitCode.invalid : ExitCode.ok;
  } finally {
    progress.close();
    interruption.dispose();
  }
}
