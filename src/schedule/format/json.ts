import { formatDate } from '../../model/calendar.js';
import { contactUid, dateAndTime, type ScheduleFormatter } from './shared.js';

/** The schedule as data: the milestones' dates, the contacts, and the contact holes found around them. */
export const scheduleJson: ScheduleFormatter = (schedule, options) =>
  `${JSON.stringify(
    {
      journeymap: options.version,
      file: options.file,
      title: options.title,
      filters: { persona: options.persona ?? null, segment: options.segment ?? null },
      milestones: schedule.milestones.map((m) => ({ id: m.id, name: m.name, date: m.date ? formatDate(m.date) : null, given: m.given })),
      contacts: schedule.contacts.map((c) => ({
        ...dateAndTime(c.date),
        uid: contactUid(c, options.scope),
        outreach: c.outreach.id,
        name: c.outreach.name,
        ref: c.ref,
        occurrence: c.occurrence,
        stage: c.stage,
        channel: c.channel,
        consent: c.consent ?? null,
        purpose: c.purpose ?? null,
        status: c.status,
        personas: c.personas,
        segments: c.segments,
        milestone: c.milestone,
        timing: c.when,
      })),
      holes: schedule.holes.map((h) => ({ start: formatDate(h.start), end: formatDate(h.end), days: h.days, length: h.length, words: h.words, segment: h.segment?.id ?? null, gap: h.gap?.id ?? null })),
      untimed: schedule.untimed.map((u) => u.id),
    },
    null,
    2,
  )}\n`;
