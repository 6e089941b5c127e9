import { SEVERITIES, type Severity } from '../model/types.js';
import type { JourneyMap } from '../types/journeymap.js';
import type { FileReport } from '../validate/finding.js';
import type { EmotionView, MapView } from '../render/view/types.js';

/** The last commit that changed a map, where the map is in git. */
export interface CommitInfo {
  hash: string;
  /** YYYY-MM-DD, the committer's date. */
  date: string;
  subject: string;
}

/** One stage of a map as the portfolio shows it: its worst gap and its lowest feeling. */
export interface StageSummary {
  number: number;
  id: string;
  name: string;
  gaps: number;
  worst?: Severity;
  /** The lowest emotion of the stage's touchpoints, when any has one. */
  lowest?: EmotionView;
}

/** One row of the gap register. */
export interface GapRow {
  ref: string;
  stage: string;
  stageNumber: number;
  title: string;
  severity: Severity;
  severityWord: string;
  owner?: string;
  status: string;
  opportunity?: string;
}

/** A valid map on the portfolio: what its card, its register rows and its heat-map row show. */
export interface MapSummary {
  file: string;
  /** Its page, relative to the index. */
  href: string;
  title: string;
  subtitle?: string;
  kind: string;
  state: 'current' | 'future';
  journey?: string;
  status?: string;
  owner?: string;
  date?: string;
  version?: string;
  touchpoints: number;
  stages: StageSummary[];
  gapsBySeverity: { severity: Severity; word: string; count: number }[];
  gapCount: number;
  /** The map's lowest point, as the map calls it out (only when someone feels bad there). */
  lowest?: { emotion: EmotionView; ref: string; name: string; stage: string };
  gaps: GapRow[];
  /** The contact holes the map draws, by outreach row (all patients, or each segment). */
  holes: { who: string; days: number; length: string; words: string }[];
  commit?: CommitInfo;
}

/** A map that does not validate: listed on the index with its first error. */
export interface InvalidMap {
  file: string;
  /** A page that shows its errors, where there is one (the preview server has one). */
  href?: string;
  /** `file:line:column message (rule)`. */
  firstError: string;
  /** How many errors it has. */
  errors: number;
}

/**
 * What the portfolio shows of a valid map, read off the view its page is rendered from (so the card and
 * the page cannot disagree), plus the map's own header fields.
 */
export function summarizeMap(map: JourneyMap, view: MapView, file: string, href: string, commit?: CommitInfo): MapSummary {
  const opportunities = new Map(view.opportunities.map((o) => [o.gapRef, o.text]));
  const stages: StageSummary[] = view.stages.map((s) => {
    const felt = s.touchpoints.map((t) => t.emotion).filter((e): e is EmotionView => e !== undefined);
    const lowest = felt.reduce<EmotionView | undefined>((low, e) => (low === undefined || e.value < low.value ? e : low), undefined);
    const worst = SEVERITIES.find((severity) => s.gaps.some((g) => g.severity === severity));
    return { number: s.number, id: s.id, name: s.name, gaps: s.gaps.length, worst, lowest };
  });
  const stageOf = new Map(view.stages.flatMap((s) => s.gaps.map((g) => [g.ref, s] as const)));
  const gaps: GapRow[] = view.gaps.map((g) => ({
    ref: g.ref,
    stage: stageOf.get(g.ref)!.name,
    stageNumber: stageOf.get(g.ref)!.number,
    title: g.title,
    severity: g.severity,
    severityWord: g.severityWord,
    owner: g.owner,
    status: g.status,
    opportunity: opportunities.get(g.ref),
  }));
  const lowestTouchpoint = view.touchpoints.find((t) => t.ref === view.lowest);
  const lowestStage = lowestTouchpoint && view.stages.find((s) => s.touchpoints.includes(lowestTouchpoint));
  return {
    file,
    href,
    title: view.title,
    subtitle: view.subtitle,
    kind: map.kind ?? 'customer',
    state: view.state,
    journey: map.journey,
    status: map.status,
    owner: map.owner,
    date: map.date,
    version: map.version,
    touchpoints: view.touchpoints.length,
    stages,
    gapsBySeverity: SEVERITIES.map((severity) => ({ severity, word: severity[0].toUpperCase() + severity.slice(1), count: view.gaps.filter((g) => g.severity === severity).length })),
    gapCount: view.gaps.length,
    lowest: lowestTouchpoint?.emotion && { emotion: lowestTouchpoint.emotion, ref: lowestTouchpoint.ref, name: lowestTouchpoint.name, stage: lowestStage?.name ?? '' },
    gaps,
    holes: view.outreachRows.flatMap((row) => row.holes.map((h) => ({ who: row.label, days: h.days, length: h.length, words: h.words }))),
    commit,
  };
}

/** A map with errors, as the index lists it: its first error, located as `validate` locates it. */
export function invalidMap(report: FileReport): InvalidMap {
  const first = report.findings.find((f) => f.severity === 'error');
  const errors = Math.max(1, report.findings.filter((f) => f.severity === 'error').length);
  return { file: report.file, errors, firstError: first ? `${first.file}:${first.line}:${first.column} ${first.message} (${first.ruleId})` : `${report.file}: does not validate` };
}

/** Current- and future-state maps of one journey, paired by their `journey` key. */
export interface JourneyPair {
  journey: string;
  current: MapSummary;
  future: MapSummary;
  /** The diff page, relative to the index. */
  href: string;
}

export interface Pairing {
  pairs: JourneyPair[];
  /** Journeys whose key is shared by more than one map of a state, or that have one state only. */
  unpaired: { journey: string; why: string }[];
}

/**
 * Pairs maps by their `journey` key: exactly one current-state and one future-state map make a pair.
 * A key with two maps of one state is reported rather than guessed at.
 */
export function pairJourneys(maps: MapSummary[], hrefOf: (journey: string) => string): Pairing {
  const byJourney = new Map<string, MapSummary[]>();
  for (const m of maps) if (m.journey !== undefined) byJourney.set(m.journey, [...(byJourney.get(m.journey) ?? []), m]);
  const pairs: JourneyPair[] = [];
  const unpaired: Pairing['unpaired'] = [];
  for (const [journey, group] of [...byJourney].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const current = group.filter((m) => m.state === 'current');
    const future = group.filter((m) => m.state === 'future');
    if (current.length === 1 && future.length === 1) pairs.push({ journey, current: current[0], future: future[0], href: hrefOf(journey) });
    else if (current.length > 1 || future.length > 1) unpaired.push({ journey, why: `${group.length} maps share this key (${group.map((m) => `${m.file}, ${m.state}`).join('; ')}); a pair needs exactly one current-state and one future-state map` });
    else unpaired.push({ journey, why: `only a ${group[0].state}-state map (${group[0].file})` });
  }
  return { pairs, unpaired };
}
