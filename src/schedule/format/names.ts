/** Every `schedule --format`; the first is the default. */
export const SCHEDULE_FORMATS = ['ics', 'csv', 'json'] as const;
export type ScheduleFormat = (typeof SCHEDULE_FORMATS)[number];
