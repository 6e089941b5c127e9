import { reaches } from '../model/contacts.js';
import { occurrencesOf } from '../model/milestones.js';
import type { JourneyModel, OutreachModel, SegmentModel } from '../model/types.js';
import type { DataPath } from '../validate/finding.js';
import { plural } from '../words.js';
import type { RawAnalyzeFinding } from './checks.js';
import type { AnalyzeThresholds } from './rules.js';

/**
 * The outreach rules a compliance officer asks for (docs/analysis.md): what the healthcare exemption
 * allows, which consent marketing needs by channel, a purpose on every item, how often one segment is
 * contacted, and text that looks like protected health information. They help a review; they do not
 * replace one.
 */
export function outreachFindings(model: JourneyModel, thresholds: AnalyzeThresholds): RawAnalyzeFinding[] {
  return [...purposeFindings(model, thresholds), ...exemptionFrequencyFindings(model, thresholds), ...frequencyFindings(model, thresholds), ...phiFindings(model)];
}

/** How the law reaches an outreach item's channel: `TCPA` (texts and calls), `CAN-SPAM` (email), or none. */
function lawOf(model: JourneyModel, o: OutreachModel, thresholds: AnalyzeThresholds): string | undefined {
  return thresholds.consentChannels[o.channel.id] ?? thresholds.consentChannels[o.channel.icon];
}

const pathOf = (model: JourneyModel, o: OutreachModel, key?: string): DataPath => {
  const i = (model.map.outreach ?? []).indexOf(o.source);
  return key === undefined ? ['outreach', i] : ['outreach', i, key];
};

function purposeFindings(model: JourneyModel, thresholds: AnalyzeThresholds): RawAnalyzeFinding[] {
  const out: RawAnalyzeFinding[] = [];
  for (const o of model.outreach) {
    const { purpose, consent, name, description } = o.source;
    const law = lawOf(model, o, thresholds);
    if (purpose === undefined) {
      out.push({ ruleId: 'purpose-missing', message: `outreach "${name}" declares no purpose (treatment, operations, payment, marketing, research): add \`purpose\``, path: pathOf(model, o, 'id'), target: 'key' });
      continue;
    }
    if (purpose !== 'marketing') continue;
    if (consent === 'healthcare-exemption') {
      out.push({ ruleId: 'healthcare-exemption-purpose', message: `outreach "${name}" is marketing under \`healthcare-exemption\`; the exemption covers only calls and texts about care, never marketing`, path: pathOf(model, o, 'consent') });
    } else if (law === 'TCPA' && consent !== 'express-written') {
      out.push({ ruleId: 'marketing-consent', message: `outreach "${name}" markets by ${o.channel.name} on ${consent === undefined ? 'no consent' : `\`${consent}\``}; marketing texts and automated calls need \`express-written\` consent (TCPA)`, path: pathOf(model, o, consent === undefined ? 'purpose' : 'consent') });
    } else if (law === 'CAN-SPAM' && !(consent === 'opt-in' || (consent === 'opt-out' && /unsubscribe/i.test(description ?? '')))) {
      const why = consent === 'opt-out' ? 'on `opt-out` without saying how to unsubscribe (say so in its description)' : `on ${consent === undefined ? 'no consent' : `\`${consent}\``}`;
      out.push({ ruleId: 'marketing-consent', message: `outreach "${name}" markets by ${o.channel.name} ${why}; marketing email needs \`opt-in\`, or \`opt-out\` with an unsubscribe (CAN-SPAM)`, path: pathOf(model, o, consent === undefined ? 'purpose' : 'consent') });
    }
  }
  return out;
}

/** Most messages in any window of `days` days among sorted occurrence days, and the day the first such window starts. */
function busiest(days: number[], span: number): { count: number; from: number } {
  let best = { count: 0, from: days[0] ?? 0 };
  for (let i = 0, j = 0; i < days.length; i++) {
    while (days[i] - days[j] >= span) j++;
    if (i - j + 1 > best.count) best = { count: i - j + 1, from: days[j] };
  }
  return best;
}

/** Occurrences per calendar day of the axis (day 0 is a calendar day starting at midnight). */
function perDay(days: number[]): { count: number; from: number } {
  const counts = new Map<number, number>();
  let best = { count: 0, from: 0 };
  for (const d of days) {
    const day = Math.floor(d + 1e-9);
    const n = (counts.get(day) ?? 0) + 1;
    counts.set(day, n);
    if (n > best.count) best = { count: n, from: day };
  }
  return best;
}

/**
 * The FCC's 2015 conditions on exempted health care calls and texts: at most one a day and three a week
 * from one provider, all exempted items together, to each segment (or to everyone on a map without
 * segments). Only occurrences that count as contact are counted. One finding per item that starts an
 * offending day or week, naming the items sent then.
 */
function exemptionFrequencyFindings(model: JourneyModel, thresholds: AnalyzeThresholds): RawAnalyzeFinding[] {
  const exempt = model.outreach.filter((o) => o.source.consent === 'healthcare-exemption' && o.contact.counts && lawOf(model, o, thresholds) === 'TCPA');
  if (exempt.length === 0) return [];
  const views: (SegmentModel | undefined)[] = model.segments.length ? model.segments : [undefined];
  const out = new Map<OutreachModel, RawAnalyzeFinding>();
  for (const segment of views) {
    const sent = exempt.filter((o) => reaches(o, segment)).flatMap((o) => occurrencesOf(o.timing!).map((day) => ({ day, o })));
    sent.sort((a, b) => a.day - b.day);
    const days = sent.map((c) => c.day);
    const day = perDay(days);
    const week = busiest(days, 7);
    const over = day.count > 1 ? { words: `${day.count} a day`, from: day.from, span: 1 } : week.count > 3 ? { words: `${week.count} in 7 days`, from: week.from, span: 7 } : undefined;
    if (over === undefined) continue;
    const inWindow = sent.filter((c) => c.day >= over.from - 1e-9 && c.day < over.from + over.span);
    const first = inWindow[0].o;
    if (out.has(first)) continue;
    const items = [...new Set(inWindow.map((c) => `"${c.o.source.name}"`))];
    const what = items.length === 1 ? `outreach ${items[0]} sends` : `outreach ${items.join(', ')} send together`;
    out.set(first, { ruleId: 'healthcare-exemption-frequency', message: `${what} ${over.words} under \`healthcare-exemption\`; the exemption allows at most 1 a day and 3 a week (FCC 2015): ask for consent, or send less often`, path: pathOf(model, first, 'timing') });
  }
  return [...out.values()];
}

/** No more than the threshold's contacts to one segment (or to all patients, on a map without segments) in 7 days. */
function frequencyFindings(model: JourneyModel, thresholds: AnalyzeThresholds): RawAnalyzeFinding[] {
  const limit = thresholds.maxContactsPerWeek;
  const views: (SegmentModel | undefined)[] = model.segments.length ? model.segments : [undefined];
  const out: RawAnalyzeFinding[] = [];
  const reported = new Set<string>();
  for (const segment of views) {
    const contacts = model.outreach
      .filter((o) => o.contact.counts && reaches(o, segment))
      .flatMap((o) => occurrencesOf(o.timing!).map((day) => ({ day, o })))
      .sort((a, b) => a.day - b.day);
    const window = busiest(
      contacts.map((c) => c.day),
      7,
    );
    if (window.count <= limit) continue;
    const inWindow = contacts.filter((c) => c.day >= window.from && c.day < window.from + 7);
    const names = [...new Set(inWindow.map((c) => `"${c.o.source.name}"`))];
    const first = inWindow[0].o;
    const key = `${first.ref}:${window.from}:${window.count}`;
    const who = segment ? ` to ${segment.name}` : '';
    if (reported.has(key)) continue;
    reported.add(key);
    out.push({ ruleId: 'contact-frequency', message: `${plural(window.count, 'contact')}${who} in 7 days (limit ${limit}), from ${names.join(', ')}`, path: pathOf(model, first, 'timing') });
  }
  return out;
}

/** Patterns that look like protected health information, by what they look like. */
const PHI_PATTERNS: { what: string; pattern: RegExp }[] = [
  { what: 'an e-mail address', pattern: /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g },
  { what: 'a Social Security number', pattern: /\b\d{3}-\d{2}-\d{4}\b/g },
  { what: 'a phone number', pattern: /(?:\+1[\s.-]?)?(?:\(\d{3}\)\s?|\b\d{3}[\s.-])\d{3}[\s.-]\d{4}\b/g },
  { what: 'a medical record number', pattern: /\b(?:MRN|medical record (?:number|no\.?))\s*[:#]?\s*[A-Z]{0,3}\d{4,}\b/gi },
  { what: 'a date of birth', pattern: /\b(?:DOB|date of birth|born(?: on)?)\s*[:]?\s*(?:\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}|\d{4}-\d{2}-\d{2}|[A-Z][a-z]+ \d{1,2},? \d{4})/gi },
];
/** In outreach text only: procedure (CPT) and diagnosis (ICD-10-CM) codes, which say what a person has. */
const CODE_PATTERNS: { what: string; pattern: RegExp }[] = [
  { what: 'a CPT code', pattern: /\b(?:CPT[\s:#]*)?\d{4}[0-9FTU]\b/g },
  { what: 'an ICD-10 code', pattern: /\b(?:ICD-?10(?:-CM)?[\s:#]*[A-TV-Z]\d{2}(?:\.[0-9A-Z]{1,4})?|[A-TV-Z]\d{2}\.[0-9A-Z]{1,4})\b/g },
];
/** Keys whose values are not free text: ids, references, enums, timing, links. */
const NOT_TEXT = new Set(['id', 'stage', 'channel', 'milestone', 'at', 'from', 'to', 'every', 'until', 'link', 'icon', 'consent', 'purpose', 'status', 'severity', 'impact', 'effort', 'initiator', 'kind', 'state', 'journeymap', 'date']);

/** Text anywhere in the map that looks like PHI, and in outreach text also persona names and codes: one finding per field, naming the words. */
function phiFindings(model: JourneyModel): RawAnalyzeFinding[] {
  const out: RawAnalyzeFinding[] = [];
  const personaNames = model.personas.map((p) => p.name).filter((n) => n.trim().length > 1);
  const namePattern = personaNames.length ? new RegExp(`\\b(?:${personaNames.map((n) => n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})\\b`, 'g') : undefined;
  const check = (text: string, path: DataPath, inOutreach: boolean) => {
    const found: string[] = [];
    const patterns = inOutreach ? [...PHI_PATTERNS, ...CODE_PATTERNS] : PHI_PATTERNS;
    for (const { what, pattern } of patterns) for (const m of text.matchAll(pattern)) found.push(`${what} (${m[0]})`);
    if (inOutreach && namePattern) for (const m of text.matchAll(namePattern)) found.push(`a persona's name (${m[0]})`);
    if (found.length === 0) return;
    const where = inOutreach ? 'outreach text' : 'text';
    out.push({ ruleId: 'phi-in-text', message: `${where} looks like it holds protected health information: ${[...new Set(found)].join(', ')}; maps are printed for walls and kept in git, so use made-up or general words`, path });
  };
  const walk = (value: unknown, path: DataPath, inOutreach: boolean) => {
    if (typeof value === 'string') check(value, path, inOutreach);
    else if (Array.isArray(value)) value.forEach((v, i) => walk(v, [...path, i], inOutreach));
    else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) if (!NOT_TEXT.has(k) && k !== 'timing') walk(v, [...path, k], inOutreach || (path.length === 0 && k === 'outreach'));
  };
  walk(model.map, [], false);
  return out;
}
