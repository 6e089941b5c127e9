import type { Command } from 'commander';
import { ExitCode } from '../../errors.js';
import { startPreviewServer } from '../../serve/server.js';
import { notice } from '../output.js';
import { openProject } from '../project.js';
import { untilInterrupted } from '../signals.js';

export interface ServeCliOptions {
  port: number;
  host: string;
  color: boolean;
}

/** `journeymap serve`: previews the run's maps until interrupted. */
export async function runServe(command: Command, paths: string[], cli: ServeCliOptions): Promise<number> {
  const project = await openProject(command, paths, { color: cli.color });
  if (typeof project === 'number') return project;
  const server = await startPreviewServer({ project, host: cli.host, port: cli.port, log: notice });
  const interrupted = untilInterrupted();
  notice(`serving ${server.url} (press Ctrl-C to stop)`);
  await interrupted;
  await server.close();
  return ExitCode.ok;
}
