import { resolveMilestones, resolveTiming, type ResolvedMilestone } from '../model/milestones.js';
import { stageDisagreeing, stageSpans, type DaySpan } from '../model/stage-time.js';
import type { Milestone, Timing } from '../types/journeymap.js';
import { dayInWords, inSentence } from '../model/timing.js';
import type { RawFinding } from './finding.js';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const list = (v: unknown): readonly unknown[] => (Array.isArray(v) ? v : []);
const TIMING_TEXT = ['at', 'from', 'to', 'every', 'until', 'milestone', 'label'] as const;

/** A timing whose parts are all text, the shape the model reads; anything else is the schema's to report. */
function timingOf(value: unknown): Timing | undefined {
  if (!isObj(value) || (value.at === undefined && value.from === undefined)) return undefined;
  return TIMING_TEXT.every((k) => value[k] === undefined || typeof value[k] === 'string') ? (value as Timing) : undefined;
}

/**
 * `outreach-stage-timing`: an outreach item is drawn in its stage's column, so a reader takes its stage
 * for its time. When its first contact falls outside its stage's span of time (from the stage's first to
 * its last touchpoint) and inside another stage's, the map misleads: say which stage's span holds it.
 * Runs on maps whose milestones resolve (no unresolved reference, no cycle: `blocked`).
 */
export function stageTimingFindings(map: Obj, blocked: boolean): RawFinding[] {
  if (blocked) return [];
  const milestones: ResolvedMilestone[] = resolveMilestones(list(map.milestones).filter((m): m is Milestone => isObj(m) && typeof m.id === 'string' && typeof m.name === 'string' && (m.at === undefined || typeof m.at === 'string') && (m.milestone === undefined || typeof m.milestone === 'string')));
  const when = (t: unknown) => {
    const timing = timingOf(t);
    return timing ? resolveTiming(timing, milestones) : undefined;
  };
  const stages = list(map.stages).map((s) => (isObj(s) ? s : {}));
  const spans = stageSpans(stages.map((s) => ({ touchpoints: list(s.touchpoints).map((t) => ({ timing: isObj(t) ? when(t.timing) : undefined })) })));
  const stageIndex = new Map(stages.map((s, i) => [s.id, i]));
  const findings: RawFinding[] = [];
  list(map.outreach).forEach((o, i) => {
    if (!isObj(o)) return;
    const own = stageIndex.get(o.stage);
    const timing = when(o.timing);
    if (own === undefined || !timing) return;
    const other = stageDisagreeing(spans, own, timing.start);
    if (other === undefined) return;
    const name = (k: number) => String(stages[k].id);
    const zero = inSentence(milestones.find((m) => m.day === 0)?.name ?? 'day 0');
    const span = (s: DaySpan | undefined) => (s ? spanWords(s, zero) : 'no timed touchpoint');
    findings.push({
      ruleId: 'outreach-stage-timing',
      message: `outreach "${String(o.name ?? o.id)}" is in stage \`${name(own)}\` (${span(spans[own])}) but its timing, ${timing.words}, falls in stage \`${name(other)}\` (${span(spans[other])}): move it to \`${name(other)}\` or check its timing`,
      path: ['outreach', i, 'stage'],
    });
  });
  return findings;
}

/** A stage's span in words: `2 weeks before surgery to 2 days after surgery`. */
function spanWords(span: DaySpan, milestone: string): string {
  const [from, to] = [dayInWords(span.start, milestone), dayInWords(span.end, milestone)];
  return from === to ? from : `${from} to ${to}`;
}
