import { basename } from 'node:path';
import type { Command } from 'commander';
import { ExitCode, JourneymapError } from '../../errors.js';
import { parseWithPositions } from '../../load/parse.js';
import { lineCol, locatePath } from '../../load/positions.js';
import { DAY_ZERO, formatDate, parseDate } from '../../model/calendar.js';
import type { ScheduleFormat } from '../../schedule/format/names.js';
import type { JourneyMap } from '../../types/journeymap.js';
import { plural } from '../../words.js';
import { version } from '../../version.js';
import { writeFileAtomic } from '../../write/atomic.js';
import { notice, writeReport } from '../output.js';
import { givenFlags, openProject } from '../project.js';

export interface ScheduleCliOptions {
  milestone: string[];
  persona?: string;
  segment?: string;
  format: ScheduleFormat;
  out?: string;
  color: boolean;
}

/**
 * `journeymap schedule`: one map's outreach as dated contacts. A map with errors is reported as `validate`
 * reports it (exit 1); a milestone a contact needs without a date, an unknown milestone, persona or
 * segment is a usage error located in the map (exit 2). Contact holes are warnings on stderr.
 */
export async function runSchedule(command: Command, file: string, cli: ScheduleCliOptions): Promise<number> {
  const given = parseMilestoneFlags(cli.milestone);
  const project = await openProject(command, [], { flags: givenFlags(command), color: cli.color });
  if (typeof project === 'number') return project;
  const source = await project.load(file);
  if (!source.map) {
    const { stylish } = await import('../../format/stylish.js');
    process.stderr.write(stylish([source.report], { color: cli.color, version }));
    return ExitCode.invalid;
  }
  const map = source.map;
  const at = locator(source.file, source.text);
  checkIds(map, given, cli, at);

  const { scheduleMap } = await import('../../schedule/index.js');
  const schedule = scheduleMap(map, { milestones: given, persona: cli.persona, segment: cli.segment, thresholds: project.analysis.thresholds });
  if (schedule.missing.length) {
    const lines = schedule.missing.map((m) => `${at(['outreach', m.index, 'timing'])}: outreach \`${m.outreach}\` counts from milestone \`${m.id}\` (${m.name}), which has no date: give it with --milestone ${m.id}=YYYY-MM-DD`);
    throw new JourneymapError(lines.join('\njourneymap: '), ExitCode.usage);
  }

  for (const u of schedule.untimed) notice(`journeymap: note: ${at(['outreach'])}: outreach \`${u.id}\` (${u.name}) has no timing, so it has no dates in the schedule`);
  for (const id of schedule.truncated) notice(`journeymap: warning: outreach \`${id}\` repeats more often than a schedule lists; only its first repetitions are listed`);
  for (const hole of schedule.holes) {
    const gap = hole.gap ? `; gap \`${hole.gap.id}\` "${hole.gap.title}"` : '';
    const who = hole.segment ? ` for ${hole.segment.name}` : '';
    notice(`journeymap: warning: ${source.file}: contact hole${who} of ${plural(hole.days, 'day')} (${hole.length}) from ${formatDate(hole.start)} to ${formatDate(hole.end)} (${hole.words}${gap})`);
  }

  const { formatSchedule } = await import('../../schedule/format/index.js');
  const output = await formatSchedule(cli.format, schedule, {
    scope: map.journey ?? (source.file === '<stdin>' ? 'stdin' : basename(source.file).replace(/(\.journey)?\.ya?ml$/i, '')),
    title: map.title,
    file: source.file,
    stamp: stampOf(map),
    version,
    persona: cli.persona,
    segment: cli.segment,
  });
  if (cli.out === undefined) writeReport(output);
  else {
    await writeFileAtomic(cli.out, output);
    notice(`wrote ${cli.out} (${plural(schedule.contacts.length, 'contact')})`);
  }
  return ExitCode.ok;
}

/** `surgery=2027-03-15` pairs, checked: an id, an `=`, a real date. */
export function parseMilestoneFlags(values: string[]): Map<string, Date> {
  const out = new Map<string, Date>();
  for (const value of values) {
    const eq = value.indexOf('=');
    const id = value.slice(0, eq).trim();
    const date = eq > 0 ? parseDate(value.slice(eq + 1)) : undefined;
    if (eq <= 0 || !id) throw new JourneymapError(`--milestone wants ID=DATE, e.g. --milestone surgery=2027-03-15; got "${value}"`);
    if (!date) throw new JourneymapError(`--milestone ${id}: "${value.slice(eq + 1)}" is not a date; write YYYY-MM-DD, or YYYY-MM-DDTHH:MM for a time of day`);
    if (out.has(id)) throw new JourneymapError(`--milestone ${id} is given twice`);
    out.set(id, date);
  }
  return out;
}

/** The milestones, persona and segment named on the command line must be the map's. */
function checkIds(map: JourneyMap, given: Map<string, Date>, cli: ScheduleCliOptions, at: (path: (string | number)[]) => string): void {
  const known = (list: { id: string }[] | undefined) => (list ?? []).map((x) => x.id);
  const refuse = (what: string, id: string, ids: string[], key: string) => {
    const choices = ids.length ? `its ${what}s are ${ids.join(', ')}` : `it declares no ${what}s`;
    throw new JourneymapError(`${at(ids.length ? [key] : [])}: the map has no ${what} \`${id}\`; ${choices}`);
  };
  for (const id of given.keys()) if (!known(map.milestones).includes(id)) refuse('milestone', id, known(map.milestones), 'milestones');
  if (cli.persona !== undefined && !known(map.personas).includes(cli.persona)) refuse('persona', cli.persona, known(map.personas), 'personas');
  if (cli.segment !== undefined && !known(map.segments).includes(cli.segment)) refuse('segment', cli.segment, known(map.segments), 'segments');
}

/** `file:line:column` of a path in the map, the source parsed only when a message needs it. */
function locator(file: string, text: string): (path: (string | number)[]) => string {
  return (path) => {
    const parsed = parseWithPositions(text);
    if (!parsed.document) return `${file}:1:1`;
    const { line, column } = lineCol(parsed.lineCounter, locatePath(parsed.document, path, 'key').start);
    return `${file}:${line}:${column}`;
  };
}

/**
 * When the schedule was made, for the calendar's DTSTAMP: SOURCE_DATE_EPOCH when set (reproducible
 * builds), else the map's review date, else a fixed day; never the clock, so the same input gives the
 * same bytes.
 */
function stampOf(map: JourneyMap): Date {
  const epoch = Number(process.env.SOURCE_DATE_EPOCH);
  if (process.env.SOURCE_DATE_EPOCH && Number.isFinite(epoch)) return new Date(epoch * 1000);
  return (map.date && parseDate(map.date)) || DAY_ZERO;
}
