import { Command, Option } from 'commander';
import { SCHEDULE_FORMATS } from '../../schedule/format/names.js';
import { DEFAULTS } from '../../project/settings.js';
import { useColor } from '../output.js';
import { parseCount } from './parse.js';

export default function define(program: Command): void {
  program
    .command('schedule')
    .description("a patient's dated outreach: every outreach timing expanded around real milestone dates, as a calendar, CSV or JSON")
    .argument('<file>', 'the map, or - for stdin')
    .option('-m, --milestone <id=date>', 'the date of a milestone, YYYY-MM-DD or YYYY-MM-DDTHH:MM (repeat for more); milestones placed relative to it follow', (value: string, previous: string[] = []) => [...previous, value])
    .option('--persona <id>', "keep only the contacts that reach this persona")
    .option('--segment <id>', 'keep only the contacts that reach this segment')
    .addOption(new Option('-f, --format <name>', 'output format').choices(SCHEDULE_FORMATS).default(SCHEDULE_FORMATS[0]))
    .option('-o, --out <file>', 'write to this file instead of standard output')
    .option('--contact-hole-days <n>', `longest stretch without contact before a hole is reported (default: ${DEFAULTS.contactHoleDays})`, parseCount)
    .option('-c, --config <file>', 'configuration file (default: journeymap.config.yaml from here upward)')
    .addHelpText(
      'after',
      `
Months and years move on the calendar (+1mo from 31 January is 28 or 29 February); hours, days and weeks are
exact; dates have no time zone, so daylight saving never moves a contact. Contact holes around the dates are
reported on stderr as warnings.

Examples:
  $ journeymap schedule examples/knee-replacement.journey.yaml --milestone surgery=2027-03-15 --out knee.ics
  $ journeymap schedule examples/knee-replacement.journey.yaml -m surgery=2027-03-15 --persona robert --format csv
  $ journeymap schedule examples/maternity.journey.yaml -m delivery=2027-06-01 --format json --out maternity.json

Exit codes: 0 written, 1 invalid map, 2 usage or I/O error (a milestone a contact needs has no date).`,
    )
    .action(async (file: string, options, command: Command) => {
      const { runSchedule } = await import('../commands/schedule.js');
      process.exitCode = await runSchedule(command, file, { ...options, milestone: options.milestone ?? [], color: useColor(command.optsWithGlobals().color, 2) });
    });
}
