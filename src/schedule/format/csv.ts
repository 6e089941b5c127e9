import { cell } from '../../interop/csv.js';
import { contactUid, dateAndTime, type ScheduleFormatter } from './shared.js';

const COLUMNS = ['date', 'time', 'outreach_id', 'outreach', 'occurrence', 'stage_id', 'stage', 'channel_id', 'channel', 'consent', 'purpose', 'status', 'personas', 'segments', 'milestone', 'timing', 'uid'] as const;

/**
 * One row a dated contact, for a CRM import. RFC 4180 (CRLF, fields quoted when needed); text a
 * spreadsheet would run as a formula is defused as `export --to csv` does. Personas and segments are
 * space-separated ids; an empty segments cell means every segment.
 */
export const scheduleCsv: ScheduleFormatter = (schedule, options) => {
  const rows = schedule.contacts.map((c) => {
    const { date, time } = dateAndTime(c.date);
    const row: Record<(typeof COLUMNS)[number], string | number | undefined> = {
      date,
      time,
      outreach_id: c.outreach.id,
      outreach: c.outreach.name,
      occurrence: c.occurrence,
      stage_id: c.stage.id,
      stage: c.stage.name,
      channel_id: c.channel.id,
      channel: c.channel.name,
      consent: c.consent,
      purpose: c.purpose,
      status: c.status,
      personas: c.personas.map((p) => p.id).join(' '),
      segments: c.segments.join(' '),
      milestone: c.milestone,
      timing: c.when,
      uid: contactUid(c, options.scope),
    };
    return COLUMNS.map((k) => cell(row[k])).join(',');
  });
  return [COLUMNS.join(','), ...rows].join('\r\n') + '\r\n';
};
