import { Command, Option } from 'commander';
import { DEFAULTS } from '../../project/settings.js';
import { THEMES } from '../../render/options.js';
import { useColor } from '../output.js';
import { parseCount } from './parse.js';

export default function define(program: Command): void {
  program
    .command('serve')
    .description('preview maps in a browser: an index, each map as HTML, live reload on save')
    .argument('[paths...]', "map files, folders or globs to serve (default: the configuration's include, else .)")
    .option('-p, --port <n>', 'port to listen on (0 picks a free one)', parseCount, 4000)
    .option('--host <address>', 'address to listen on; anything but 127.0.0.1 shows your maps to the network', '127.0.0.1')
    .addOption(new Option('-t, --theme <name>', 'visual theme').choices(THEMES).default(DEFAULTS.theme))
    .option('--templates <dir>', 'folder of Handlebars partials that override the built-in ones (watched too)')
    .option('-c, --config <file>', 'configuration file (default: journeymap.config.yaml from here upward)')
    .addHelpText(
      'after',
      `
Examples:
  $ journeymap serve                                   every map under the current folder, on http://127.0.0.1:4000/
  $ journeymap serve examples/ --port 8080
  $ journeymap serve examples/knee-replacement.journey.yaml --theme high-contrast
  $ journeymap serve examples/ --host 0.0.0.0          let others on the network see the preview

A map that stops validating shows its errors in the page; the page recovers when the map is fixed.`,
    )
    .action(async (paths: string[], options, command: Command) => {
      const { runServe } = await import('../commands/serve.js');
      process.exitCode = await runServe(command, paths, { ...options, color: useColor(command.optsWithGlobals().color, 2) });
    });
}
