import type { Severity } from '../../model/types.js';
import type { JourneyMap, Metric, Persona } from '../../types/journeymap.js';
import type { EmotionView, FactView } from './types.js';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** `2026-11-25` as `25 November 2026`, computed from the digits so no time zone can shift it. */
export function longDate(date: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  return m ? `${Number(m[3])} ${MONTHS[Number(m[2]) - 1] ?? m[2]} ${m[1]}` : date;
}

export const severityWord = (s: Severity): string => s[0].toUpperCase() + s.slice(1);
export const levelWord = (s: string): string => s[0].toUpperCase() + s.slice(1).replace('-', ' ');

export function personaLine(p: Persona): string {
  return [p.age === undefined ? p.name : `${p.name}, ${p.age}`, p.description].filter(Boolean).join(' \u00b7 ');
}

/** The facts printed under the title, in order, only those the map gives. */
export function headerFacts(map: JourneyMap, personas: Persona[]): FactView[] {
  const facts: FactView[] = [];
  if (personas.length) {
    facts.push({ label: personas.length > 1 ? 'Personas' : 'Persona', value: personas.length > 1 ? personas.map((p) => (p.age === undefined ? p.name : `${p.name}, ${p.age}`)).join(' \u00b7 ') : personaLine(personas[0]), wide: true });
  }
  if (map.owner) facts.push({ label: 'Owner', value: map.owner });
  if (map.date) facts.push({ label: 'Date', value: longDate(map.date) });
  if (map.version || map.status) facts.push({ label: 'Version', value: [map.version, map.status && (map.status === 'review' ? 'for review' : map.status)].filter(Boolean).join(' \u00b7 ') });
  return facts;
}

/** `<= 6 mo` as `≤ 6 mo`: the map's ASCII comparison written the way it is printed. */
export function prettyValue(value: string | number): string {
  return String(value).replace(/<=/g, '\u2264').replace(/>=/g, '\u2265').replace(/ - /g, ' \u2013 ');
}

export function metricTarget(metric: Metric): string | undefined {
  return metric.target === undefined ? undefined : `Target ${prettyValue(metric.target)}`;
}

export const STATUS_WORDS: Record<string, string> = { open: 'Open', planned: 'Planned', 'in-progress': 'In progress', closed: 'Closed', idea: 'Idea', live: 'Live', paused: 'Paused', retired: 'Retired' };

const SAFE_LINK = /^(?:https?:\/\/|mailto:)[^\s<>"]+$/i;

/** The link if it is http(s) or mailto (the schema already insists; renderers check again), else undefined. */
export function safeLink(link: string | undefined): string | undefined {
  return link !== undefined && SAFE_LINK.test(link) ? link : undefined;
}

export const EMOTION_WORDS = ['very negative', 'negative', 'neutral', 'positive', 'very positive'] as const;

/** An emotion as printed: `−2`, `0`, `+1`, with its word. */
export function emotionView(value: number): EmotionView {
  return { value, label: value > 0 ? `+${value}` : value < 0 ? `\u2212${-value}` : '0', word: EMOTION_WORDS[value + 2] };
}

/** `40 weeks` or `9 days`, for a stretch of time on a label. */
export function durationWords(days: number): string {
  if (days >= 14) return `${Math.round(days / 7)} weeks`;
  return `${Math.round(days)} days`;
}

/** A day on the axis in short, as an axis labels it: `Day 0`, `+2 d`, `−6 wk`, `+11 mo`, `+3 y`. */
export function dayShort(day: number): string {
  const abs = Math.abs(day);
  if (abs < 0.5) return 'Day 0';
  const sign = day < 0 ? '\u2212' : '+';
  if (abs < 14) return `${sign}${Math.round(abs)} d`;
  if (abs < 120) return `${sign}${Math.round(abs / 7)} wk`;
  if (abs < 730) return `${sign}${Math.round(abs / 30.4375)} mo`;
  return `${sign}${Math.round((abs / 365.25) * 10) / 10} y`;
}
