import { plural } from '../words.js';

/** Days per unit of an offset. Months and years are averages: timing is for ordering and drawing, not billing. */
const unitDays = { h: 1 / 24, d: 1, w: 7, mo: 30.4375, y: 365.25 } as const;
const unitWords = { h: 'hour', d: 'day', w: 'week', mo: 'month', y: 'year' } as const;
/** An offset as the format writes it: sign, amount, unit (`-6w`, `+2d`, `1.5mo`). */
export const OFFSET_PATTERN = /^([+-]?)(\d+(?:\.\d+)?)(h|d|w|mo|y)$/;

/** Days from the milestone for an offset like `-6w`, or undefined if it does not parse. */
export function offsetInDays(offset: string): number | undefined {
  const match = OFFSET_PATTERN.exec(offset);
  if (!match) return undefined;
  const days = Number(match[2]) * unitDays[match[3] as keyof typeof unitDays];
  return match[1] === '-' ? -days : days;
}

/** An offset in words, relative to a milestone name: `6 weeks before surgery`, `2 days after discharge`. */
export function offsetInWords(offset: string, milestone: string): string {
  const match = OFFSET_PATTERN.exec(offset);
  if (!match) return offset;
  const amount = Number(match[2]);
  if (amount === 0) return `at ${milestone}`;
  const unit = unitWords[match[3] as keyof typeof unitWords];
  return `${plural(amount, unit)} ${match[1] === '-' ? 'before' : 'after'} ${milestone}`;
}

/** A repeat interval in words: `1w` is `week`, `12h` is `12 hours`. */
export function durationInWords(duration: string): string {
  const match = /^(\d+(?:\.\d+)?)(h|d|w|mo|y)$/.exec(duration);
  if (!match) return duration;
  const unit = unitWords[match[2] as keyof typeof unitWords];
  return Number(match[1]) === 1 ? unit : `${match[1]} ${unit}s`;
}

/** A compact label for an axis: `-6 wk`, `+2 d`, `+12 mo`, `day 0`. */
export function offsetShort(offset: string): string {
  const match = OFFSET_PATTERN.exec(offset);
  if (!match) return offset;
  if (Number(match[2]) === 0) return 'day 0';
  const unit = { h: 'h', d: 'd', w: 'wk', mo: 'mo', y: 'y' }[match[3] as keyof typeof unitDays];
  return `${match[1] === '-' ? '\u2212' : '+'}${match[2]} ${unit}`;
}

/** A milestone's name mid-sentence: `after surgery`, but `after MRI` keeps its capitals. */
export function inSentence(name: string): string {
  return /^[A-Z][a-z]/.test(name) ? name[0].toLowerCase() + name.slice(1) : name;
}

/**
 * A length of time as a person would say it, from whole days: `9 days`, `9 weeks`, `7 months`, `2 years`.
 * Under two weeks in days, under four months in weeks, under two years in months (of 30.4375 days), then
 * in years. Contact holes, gap lengths and the axis all say lengths through this one function.
 */
export function lengthInWords(days: number): string {
  const abs = Math.abs(days);
  if (abs < 14) return plural(Math.round(abs), 'day');
  if (abs < 120) return plural(Math.round(abs / 7), 'week');
  if (abs < 730) return plural(Math.round(abs / 30.4375), 'month');
  return plural(Math.round(abs / 365.25), 'year');
}

/** A day on the axis in words, relative to day 0's milestone: `8 weeks after surgery`, `day of surgery`. */
export function dayInWords(day: number, milestone: string): string {
  if (Math.abs(day) < 0.5) return `day of ${milestone}`;
  return `${lengthInWords(day)} ${day < 0 ? 'before' : 'after'} ${milestone}`;
}
