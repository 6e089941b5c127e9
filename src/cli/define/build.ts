import { Command, Option } from 'commander';
import { useColor } from '../output.js';
import { parseCount, parseNumber } from './parse.js';

export default function define(program: Command): void {
  program
    .command('build')
    .description('render journey maps to HTML, SVG, PDF or PNG (invalid maps are reported, not rendered)')
    .argument('[paths...]', 'files, folders, globs, or - for stdin (default: the configuration\'s include, else .)')
    .option('-f, --format <list>', 'comma-separated output formats: html, svg, pdf, png', 'html')
    .option('-o, --out-dir <dir>', "folder for the outputs (default: each map's own folder)")
    .addOption(new Option('-t, --theme <name>', 'visual theme').choices(['default', 'print', 'high-contrast']).default('default'))
    .option('--templates <dir>', 'folder of Handlebars partials that override the built-in ones')
    .addOption(new Option('--paper <size>', 'paper size for pdf').choices(['A4', 'A3', 'A2', 'Letter', 'Legal', 'Tabloid']).default('A3'))
    .addOption(new Option('--orientation <o>', 'page orientation for pdf').choices(['landscape', 'portrait']).default('landscape'))
    .option('--scale <n>', 'pixel density of png output', parseNumber, 2)
    .option('--browser-path <path>', 'Chrome, Chromium or Edge to print with (pdf, png)')
    .option('--timeout <ms>', 'time allowed to print one map, 0 for no limit (default: 60 s, or 1 s a sheet for a map of more sheets)', parseCount)
    .option('-j, --jobs <n>', 'maps printed at once (default: the number of cores)', parseCount)
    .option('-w, --watch', 'rebuild when a map or template changes')
    .option('--no-cache', 'rebuild even when nothing changed (the cache is .journeymap-cache/, safe to delete)')
    .option('-c, --config <file>', 'configuration file (default: journeymap.config.yaml from here upward)')
    .addHelpText(
      'after',
      `
Examples:
  $ journeymap build knee.journey.yaml                         knee.html beside the map
  $ journeymap build maps/ --format html,svg --out-dir site
  $ journeymap build knee.journey.yaml --format pdf --paper Tabloid --theme print
  $ journeymap build maps/ --format png --scale 3
  $ journeymap build knee.journey.yaml --watch                  rebuild on every save
  $ journeymap build --config ci/journeymap.config.yaml         maps and settings from a configuration`,
    )
    .action(async (paths: string[], options, command: Command) => {
      const { runBuildCommand } = await import('../commands/build.js');
      const given = (name: string) => command.getOptionValueSource(name) === 'cli';
      process.exitCode = await runBuildCommand(paths, { ...options, color: useColor(command.optsWithGlobals().color, 2) }, given);
    });

}
