import { loadConfigForCommand } from '../../config/report.js';
import { configPath, pick, resolveInputs, resolveRules, type GivenOnCommandLine } from '../../config/resolve.js';
import { ExitCode } from '../../errors.js';
import type { ThemeName } from '../../render/options.js';
import { startPreviewServer } from '../../serve/server.js';
import { untilInterrupted } from '../../watch/index.js';
import { notice } from '../output.js';

export interface ServeCliOptions {
  port: number;
  host: string;
  theme: ThemeName;
  templates?: string;
  config?: string;
  color: boolean;
}

/** `journeymap serve`: previews the maps until interrupted. */
export async function runServe(paths: string[], cli: ServeCliOptions, given: GivenOnCommandLine): Promise<number> {
  const { loaded, exit } = await loadConfigForCommand(cli.config, cli.color);
  if (exit !== undefined) return exit;
  const server = await startPreviewServer({
    inputs: resolveInputs(paths, loaded),
    render: {
      theme: pick('theme', cli.theme, given, loaded, 'theme'),
      templates: pick('templates', cli.templates, given, loaded, 'templates', configPath),
    },
    rules: resolveRules(loaded?.config),
    host: cli.host,
    port: cli.port,
    configFile: loaded?.file,
    log: notice,
  });
  notice(`serving ${server.url} (press Ctrl-C to stop)`);
  await untilInterrupted();
  await server.close();
  return ExitCode.ok;
}
