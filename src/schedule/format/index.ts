import type { Schedule } from '../index.js';
import type { ScheduleFormat } from './names.js';
import type { ScheduleFormatOptions } from './shared.js';

export { SCHEDULE_FORMATS, type ScheduleFormat } from './names.js';
export { contactUid, type ScheduleFormatOptions } from './shared.js';

/** The schedule in one format; each format's code (and ical-generator, for ics) loads only when asked for. */
export async function formatSchedule(format: ScheduleFormat, schedule: Schedule, options: ScheduleFormatOptions): Promise<string> {
  if (format === 'csv') return (await import('./csv.js')).scheduleCsv(schedule, options);
  if (format === 'json') return (await import('./json.js')).scheduleJson(schedule, options);
  return (await import('./ics.js')).scheduleIcs(schedule, options);
}
