import { Command, Option } from 'commander';
import { ANALYZE_FORMATS } from '../../analyze/format/names.js';
import { DEFAULTS } from '../../project/settings.js';
import { useColor } from '../output.js';
import { parseCount } from './parse.js';

export default function define(program: Command): void {
  program
    .command('analyze')
    .description('find what a map does not record: unrecorded low points, coverage and contact holes, missing consent')
    .argument('[paths...]', "files, folders (searched for *.journey.yaml / *.journey.yml), globs, or - for stdin (default: the configuration's include, else .)")
    .addOption(new Option('-f, --format <name>', 'report format').choices(ANALYZE_FORMATS).default('text'))
    .option('--max-findings <n>', 'fail (exit 1) when more than n findings are warnings (info findings are advice and never count; an error always fails)', parseCount)
    .option('--contact-hole-days <n>', `longest stretch without an engagement opportunity the map tolerates (default: ${DEFAULTS.contactHoleDays})`, parseCount)
    .option('--after-care-stage <id>', 'stage before which the analysed window does not start (default: the window starts at the first contact)')
    .option('-c, --config <file>', 'configuration file (default: journeymap.config.yaml from here upward)')
    .addHelpText(
      'after',
      `
Rules (docs/analysis.md): unrecorded-low-point, stage-without-persona, single-stage-channel (info),
contact-hole, consent-missing, consent-insufficient, purpose-missing, healthcare-exemption-purpose,
healthcare-exemption-frequency, marketing-consent, contact-frequency, phi-in-text, gap-without-owner,
gap-without-opportunity.

Examples:
  $ journeymap analyze examples/knee-replacement.journey.yaml
  $ journeymap analyze examples/*.journey.yaml --format markdown > analysis.md
  $ journeymap analyze examples/maternity.journey.yaml --format html > maternity-analysis.html
  $ journeymap analyze examples/*.journey.yaml --format sarif > analyze.sarif
  $ journeymap analyze examples/knee-replacement-future.journey.yaml --max-findings 0   any warning fails

Exit codes: 0 analysed (findings are advice), 1 an invalid map, a rule set to error, or more warning
findings than --max-findings, 2 usage or I/O error.`,
    )
    .action(async (paths: string[], options, command: Command) => {
      const { runAnalyzeCommand } = await import('../commands/analyze.js');
      process.exitCode = await runAnalyzeCommand(command, paths, { format: options.format, maxFindings: options.maxFindings, color: useColor(command.optsWithGlobals().color) });
    });
}
