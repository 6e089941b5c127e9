import type { JourneyMap } from '../types/journeymap.js';
import type { DataPath } from '../validate/finding.js';
import type { ContactAnalysis } from './contact.js';
import { channelName, type Coverage } from './coverage.js';
import type { AnalyzeRuleId, AnalyzeThresholds } from './rules.js';

/** A finding before it is placed in the source: the rule and a path into the map. */
export interface RawAnalyzeFinding {
  ruleId: AnalyzeRuleId;
  message: string;
  path: DataPath;
  target?: 'key' | 'value';
}

/** One point of the emotion curve, in journey order. */
export interface EmotionPoint {
  stage: string;
  stageName: string;
  touchpoint: string;
  name: string;
  emotion: number;
  /** At or below the low-point threshold. */
  low: boolean;
  /** Named by at least one gap. */
  recorded: boolean;
}

export interface GapSummary {
  total: number;
  bySeverity: Record<string, number>;
  byStatus: Record<string, number>;
  byStage: { id: string; name: string; count: number }[];
  withoutOwner: number;
  withoutOpportunity: number;
}

export const SEVERITIES = ['critical', 'high', 'medium', 'low'] as const;
export const STATUSES = ['open', 'planned', 'in-progress', 'closed'] as const;

export function emotionCurve(map: JourneyMap, thresholds: AnalyzeThresholds): EmotionPoint[] {
  const named = new Set((map.gaps ?? []).flatMap((g) => g.touchpoints ?? []));
  return map.stages.flatMap((s) =>
    (s.touchpoints ?? [])
      .filter((t) => t.emotion !== undefined)
      .map((t) => ({ stage: s.id, stageName: s.name, touchpoint: t.id, name: t.name, emotion: t.emotion!, low: t.emotion! <= thresholds.lowEmotion, recorded: named.has(t.id) })),
  );
}

export function lowPointFindings(map: JourneyMap, curve: EmotionPoint[]): RawAnalyzeFinding[] {
  const out: RawAnalyzeFinding[] = [];
  map.stages.forEach((s, i) =>
    (s.touchpoints ?? []).forEach((t, j) => {
      const point = curve.find((p) => p.touchpoint === t.id);
      if (!point?.low || point.recorded) return;
      out.push({ ruleId: 'unrecorded-low-point', message: `"${t.name}" is a low point (emotion ${t.emotion}) but no gap names it: record why, or say what would fix it`, path: ['stages', i, 'touchpoints', j, 'emotion'] });
    }),
  );
  return out;
}

export function coverageFindings(map: JourneyMap, coverage: Coverage): RawAnalyzeFinding[] {
  const out: RawAnalyzeFinding[] = [];
  for (const persona of coverage.personas) {
    persona.touchpoints.forEach((n, i) => {
      if (n > 0 || (map.stages[i].touchpoints ?? []).length === 0) return;
      out.push({ ruleId: 'stage-without-persona', message: `stage "${map.stages[i].name}" has no touchpoint for ${persona.name}`, path: ['stages', i, 'touchpoints'], target: 'key' });
    });
  }
  for (const row of coverage.channels) {
    if (row.stages !== 1 || coverage.stages.length < 2) continue;
    const i = row.cells.findIndex((c) => c.touchpoints + c.outreach > 0);
    const j = (map.stages[i].touchpoints ?? []).findIndex((t) => t.channel === row.id);
    const path: DataPath = j >= 0 ? ['stages', i, 'touchpoints', j, 'channel'] : ['outreach', (map.outreach ?? []).findIndex((o) => o.channel === row.id && o.stage === map.stages[i].id), 'channel'];
    out.push({ ruleId: 'single-stage-channel', message: `channel ${row.name} appears only in stage "${map.stages[i].name}"`, path });
  }
  return out;
}

function consentChannelOf(map: JourneyMap, channel: string, thresholds: AnalyzeThresholds): string | undefined {
  if (thresholds.consentChannels[channel]) return channel;
  const icon = map.channels?.find((c) => c.id === channel)?.icon;
  return icon && thresholds.consentChannels[icon] ? icon : undefined;
}

export function consentFindings(map: JourneyMap, thresholds: AnalyzeThresholds): RawAnalyzeFinding[] {
  const out: RawAnalyzeFinding[] = [];
  (map.outreach ?? []).forEach((o, i) => {
    const kind = consentChannelOf(map, o.channel, thresholds);
    if (!kind) return;
    const law = thresholds.consentChannels[kind];
    const how = channelName(map, o.channel);
    if (o.consent === undefined) {
      out.push({ ruleId: 'consent-missing', message: `outreach "${o.name}" by ${how} declares no consent basis (${law}): add \`consent\``, path: ['outreach', i, 'channel'] });
    } else if (o.consent === 'opt-out' && law === 'TCPA') {
      out.push({ ruleId: 'consent-insufficient', message: `outreach "${o.name}" by ${how} relies on opt-out; the TCPA needs prior express consent for texts and calls`, path: ['outreach', i, 'consent'] });
    }
  });
  return out;
}

export function gapFindings(map: JourneyMap): RawAnalyzeFinding[] {
  const out: RawAnalyzeFinding[] = [];
  (map.gaps ?? []).forEach((g, i) => {
    if (g.status === 'closed') return;
    if (g.owner === undefined) out.push({ ruleId: 'gap-without-owner', message: `gap "${g.title}" has no owner: nobody is accountable for closing it`, path: ['gaps', i, 'id'], target: 'key' });
    if (g.opportunity === undefined) out.push({ ruleId: 'gap-without-opportunity', message: `gap "${g.title}" has no opportunity: say what would close it`, path: ['gaps', i, 'id'], target: 'key' });
  });
  return out;
}

export function contactFindings(contact: ContactAnalysis, thresholds: AnalyzeThresholds): RawAnalyzeFinding[] {
  return contact.holes.map((hole) => {
    const around = hole.next ? `; the next is "${hole.next.name}"` : hole.previous ? `; the last is "${hole.previous.name}"` : '';
    const anchor = hole.next ?? hole.previous;
    return {
      ruleId: 'contact-hole',
      message: `${hole.days} days with no outreach planned, ${hole.words} (limit ${thresholds.contactHoleDays} days)${around}`,
      path: anchor ? anchor.path : ['stages', contact.afterCareStage?.index ?? 0],
    };
  });
}

export function gapSummary(map: JourneyMap): GapSummary {
  const gaps = map.gaps ?? [];
  const count = <K extends string>(keys: readonly K[], of: (g: (typeof gaps)[number]) => K) => Object.fromEntries(keys.map((k) => [k, gaps.filter((g) => of(g) === k).length])) as Record<K, number>;
  return {
    total: gaps.length,
    bySeverity: count(SEVERITIES, (g) => g.severity ?? 'medium'),
    byStatus: count(STATUSES, (g) => g.status ?? 'open'),
    byStage: map.stages.map((s) => ({ id: s.id, name: s.name, count: gaps.filter((g) => g.stage === s.id).length })),
    withoutOwner: gaps.filter((g) => g.owner === undefined).length,
    withoutOpportunity: gaps.filter((g) => g.opportunity === undefined).length,
  };
}
