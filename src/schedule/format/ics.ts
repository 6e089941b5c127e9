import { ICalCalendar, ICalCalendarMethod, ICalEventStatus } from 'ical-generator';
import type { ScheduledContact } from '../index.js';
import { contactUid, type ScheduleFormatOptions, type ScheduleFormatter } from './shared.js';

const STATUS: Record<string, ICalEventStatus> = {
  live: ICalEventStatus.CONFIRMED,
  planned: ICalEventStatus.TENTATIVE,
  idea: ICalEventStatus.TENTATIVE,
  paused: ICalEventStatus.CANCELLED,
  retired: ICalEventStatus.CANCELLED,
};

/** A timed contact shows as a half-hour slot; a contact on a date is an all-day event. */
const TIMED_MINUTES = 30;

/**
 * RFC 5545, one VEVENT a contact, written by ical-generator. Dates are floating (no time zone: a contact
 * at 09:00 is at 09:00 wherever the calendar is), a contact without a time of day is an all-day event, and
 * each UID names the outreach item and the occurrence, so re-importing after a milestone moved updates the
 * events. The event's status says whether the campaign runs: live is confirmed, planned or idea tentative,
 * paused or retired cancelled.
 */
export const scheduleIcs: ScheduleFormatter = (schedule, options) => {
  // The class, not the default export: the bundled CLI loads the package through require(), which has no default.
  const calendar = new ICalCalendar({
    name: `${options.title}: outreach schedule`,
    prodId: { company: 'journeymap', product: 'journeymap', language: 'EN' },
    method: ICalCalendarMethod.PUBLISH,
  });
  for (const c of schedule.contacts) {
    const allDay = c.date.getUTCHours() === 0 && c.date.getUTCMinutes() === 0;
    calendar.createEvent({
      id: contactUid(c, options.scope),
      sequence: 0,
      stamp: options.stamp,
      start: c.date,
      ...(allDay ? { allDay: true } : { end: new Date(c.date.getTime() + TIMED_MINUTES * 60_000) }),
      floating: true,
      summary: `${c.outreach.name} (${c.channel.name})`,
      description: describe(c, options),
      categories: [{ name: c.stage.name }, { name: c.channel.name }],
      status: STATUS[c.status] ?? ICalEventStatus.TENTATIVE,
    });
  }
  return calendar.toString();
};

function describe(c: ScheduledContact, options: ScheduleFormatOptions): string {
  return [
    `Outreach ${c.outreach.id} (${c.ref}), occurrence ${c.occurrence}: ${c.when}`,
    `Stage: ${c.stage.name}`,
    `Channel: ${c.channel.name}`,
    `Consent basis: ${c.consent ?? 'not declared'}`,
    c.purpose && `Purpose: ${c.purpose}`,
    `Status: ${c.status}`,
    `Personas: ${c.personas.map((p) => p.name).join(', ') || 'none named'}`,
    `Segments: ${c.segments.join(', ') || 'all'}`,
    c.outreach.audience && `Audience: ${c.outreach.audience}`,
    `From ${options.file}`,
  ]
    .filter(Boolean)
    .join('\n');
}
