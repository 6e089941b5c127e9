import { formatDate } from '../../model/calendar.js';
import type { Schedule, ScheduledContact } from '../index.js';

export interface ScheduleFormatOptions {
  /** Whose schedule this is, for UIDs: the map's `journey` key, else its file name without `.journey.yaml`. */
  scope: string;
  /** The map's title, for the calendar's name. */
  title: string;
  /** The map's file as given. */
  file: string;
  /** When the schedule was made, for DTSTAMP: fixed by the caller so the same input gives the same bytes. */
  stamp: Date;
  version: string;
  persona?: string;
  segment?: string;
}

export type ScheduleFormatter = (schedule: Schedule, options: ScheduleFormatOptions) => string;

/**
 * A contact's stable id: its outreach item, which occurrence of it, and whose schedule. Not its date, so a
 * calendar that re-imports the schedule after a milestone moved updates each contact instead of adding it twice.
 */
export function contactUid(contact: ScheduledContact, scope: string): string {
  return `${contact.outreach.id}-${contact.occurrence}.${scope}@journeymap`;
}

/** `2027-03-15` and `09:30` (empty at midnight): the floating date and time, as written. */
export function dateAndTime(date: Date): { date: string; time: string } {
  const [day, time = ''] = formatDate(date).split('T');
  return { date: day, time };
}
