import { Command, Option } from 'commander';
import { DEFAULTS } from '../../project/settings.js';
import { THEMES } from '../../render/options.js';
import { useColor } from '../output.js';
import { parseCount } from './parse.js';

export default function define(program: Command): void {
  program
    .command('site')
    .description('build a portfolio site of many maps: their pages, an index with cards, current/future diffs, a gap register and stage heat maps')
    .argument('[paths...]', "files, folders or globs (default: the configuration's include, else .)")
    .option('-o, --out-dir <dir>', 'folder for the site (default: the configuration\'s outDir, else site)')
    .addOption(new Option('-t, --theme <name>', 'visual theme of the index and the maps').choices(THEMES).default(DEFAULTS.theme))
    .option('--templates <dir>', 'folder of Handlebars partials that override the built-in ones')
    .option('--contact-hole-days <n>', `longest stretch without an engagement opportunity the maps tolerate (default: ${DEFAULTS.contactHoleDays})`, parseCount)
    .option('--no-cache', 'rebuild every page even when nothing changed (the cache is .journeymap-cache/, safe to delete)')
    .option('-c, --config <file>', 'configuration file (default: journeymap.config.yaml from here upward)')
    .addHelpText(
      'after',
      `
Examples:
  $ journeymap site examples/*.journey.yaml --out-dir site    site/index.html, a page a map, site/diffs/
  $ journeymap site "examples/*.journey.yaml" --out-dir public --theme high-contrast

Maps that share a \`journey\` key (one current-state, one future-state) are paired and their diff is linked.
Invalid maps are reported as validate reports them and listed on the index; the others are still built.

Exit codes: 0 built, 1 some maps invalid (the rest built), 2 usage or I/O error.`,
    )
    .action(async (paths: string[], options, command: Command) => {
      const { runSite } = await import('../commands/site.js');
      process.exitCode = await runSite(command, paths, { cache: options.cache, color: useColor(command.optsWithGlobals().color, 2) });
    });
}
