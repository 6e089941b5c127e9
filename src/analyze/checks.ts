import { describeHole } from '../model/analysis.js';
import type { JourneyModel } from '../model/types.js';
import type { JourneyMap } from '../types/journeymap.js';
import type { DataPath } from '../validate/finding.js';
import { plural } from '../words.js';
import type { ContactAnalysis, ContactHole, SegmentHoles } from './contact.js';
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

/** Every touchpoint with an emotion, marked with the model's low points. */
export function emotionCurve(model: JourneyModel): EmotionPoint[] {
  const low = new Set(model.analysis.lowPoints.map((p) => p.touchpoint));
  return model.touchpoints
    .filter((t) => t.source.emotion !== undefined)
    .map((t) => {
      const stage = model.stages[t.stageIndex].source;
      return { stage: stage.id, stageName: stage.name, touchpoint: t.source.id, name: t.source.name, emotion: t.source.emotion!, low: low.has(t), recorded: t.gaps.length > 0 };
    });
}

export function lowPointFindings(model: JourneyModel): RawAnalyzeFinding[] {
  return model.analysis.lowPoints
    .filter((p) => !p.recorded)
    .map(({ touchpoint: t, emotion }) => {
      const j = model.stages[t.stageIndex].touchpoints.indexOf(t);
      return { ruleId: 'unrecorded-low-point', message: `"${t.source.name}" is a low point (emotion ${emotion}) but no gap names it: record why, or say what would fix it`, path: ['stages', t.stageIndex, 'touchpoints', j, 'emotion'] };
    });
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

/**
 * One finding per hole of all patients, and one per segment hole the all-patients view hides (a hole
 * every patient has is reported once, not once per segment).
 */
export function contactFindings(contact: ContactAnalysis, thresholds: AnalyzeThresholds): RawAnalyzeFinding[] {
  const finding = (hole: ContactHole, segment?: SegmentHoles): RawAnalyzeFinding => {
    const { next, previous, gap } = hole;
    const around = next ? `; the next is "${next.name}"` : previous ? `; the last is "${previous.name}"` : '';
    const recorded = gap ? `; gap ${gap.ref} "${gap.title}" is about it` : '';
    const anchor = next ?? previous;
    return {
      ruleId: 'contact-hole',
      message: `${describeHole(hole, segment)} (limit ${plural(thresholds.contactHoleDays, 'day')})${around}${recorded}`,
      path: anchor ? anchor.path : ['stages', contact.afterCareStage?.index ?? 0],
    };
  };
  return [...contact.holes.map((h) => finding(h)), ...contact.segments.flatMap((s) => s.hidden.map((h) => finding(h, s)))];
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
