import { Command, Option } from 'commander';
import { DEFAULTS } from '../../project/settings.js';
import { OUTPUT_FORMATS } from '../../render/formats.js';
import { THEMES } from '../../render/options.js';
import { FIT_MODES, ORIENTATIONS, PAPERS, PNG_MODES } from '../../render/print/paper.js';
import { useColor } from '../output.js';
import { parseCount, parseNumber } from './parse.js';

export default function define(program: Command): void {
  program
    .command('build')
    .description('render journey maps to HTML, SVG, PDF or PNG (invalid maps are reported, not rendered)')
    .argument('[paths...]', 'files, folders, globs, or - for stdin (default: the configuration\'s include, else .)')
    .option('-f, --format <list>', `comma-separated output formats: ${OUTPUT_FORMATS.join(', ')}`, DEFAULTS.formats.join(','))
    .option('-o, --out-dir <dir>', "folder for the outputs (default: each map's own folder)")
    .addOption(new Option('-t, --theme <name>', 'visual theme').choices(THEMES).default(DEFAULTS.theme))
    .option('--templates <dir>', 'folder of Handlebars partials that override the built-in ones')
    .addOption(new Option('--paper <size>', 'paper size for pdf').choices(PAPERS).default(DEFAULTS.paper))
    .addOption(new Option('--orientation <o>', 'page orientation for pdf').choices(ORIENTATIONS).default(DEFAULTS.orientation))
    .addOption(new Option('--fit <mode>', 'pdf: auto keeps text at 7 pt or more over as few sheets as it can; sheet puts each map on one sheet (and says which paper keeps 7 pt when it cannot)').choices(FIT_MODES).default('auto'))
    .addOption(new Option('--png <mode>', 'png: map, one picture of the whole map; sheet, one picture per printed sheet (name-1.png, name-2.png…)').choices(PNG_MODES).default('map'))
    .option('--scale <n>', 'pixel density of png output', parseNumber, DEFAULTS.scale)
    .option('--contact-hole-days <n>', `longest stretch without an engagement opportunity the map tolerates (default: ${DEFAULTS.contactHoleDays})`, parseCount)
    .option('--browser-path <path>', 'Chrome, Chromium or Edge to print with (pdf, png)')
    .option('--timeout <ms>', 'time allowed to print one map, 0 for no limit (default: 60 s, or 1 s a sheet for a map of more sheets); a map that runs out of time is tried once more on a fresh page, with the same time', parseCount)
    .option('-j, --jobs <n>', 'maps printed at once (default: the number of cores)', parseCount)
    .option('-w, --watch', 'rebuild when a map or template changes')
    .option('--no-cache', 'rebuild even when nothing changed (the cache is .journeymap-cache/, safe to delete)')
    .option('-c, --config <file>', 'configuration file (default: journeymap.config.yaml from here upward)')
    .addHelpText(
      'after',
      `
Examples:
  $ journeymap build examples/maternity.journey.yaml          examples/maternity.html beside the map
  $ journeymap build examples/*.journey.yaml --format html,svg --out-dir site
  $ journeymap build examples/knee-replacement.journey.yaml --format pdf --paper Tabloid --theme print --out-dir out
  $ journeymap build examples/cardiac-rehab.journey.yaml --format png --scale 3 --out-dir out
  $ journeymap build examples/maternity.journey.yaml --watch  rebuild on every save

With no paths, build reads the configuration's include (journeymap.config.yaml), else every map under the
current folder; the configuration also gives formats, outDir, theme and paper.`,
    )
    .action(async (paths: string[], options, command: Command) => {
      const { runBuildCommand } = await import('../commands/build.js');
      process.exitCode = await runBuildCommand(command, paths, { ...options, color: useColor(command.optsWithGlobals().color, 2) });
    });

}
