import { columnSpan, fractionOf, stageOfDay, stageSpans, type DaySpan } from '../../model/stage-time.js';
import type { JourneyModel } from '../../model/types.js';
import type { HoleView, MilestoneView, StageView } from './types.js';
import { dayShort } from './words.js';

/**
 * Places the outreach lane's events in time, once for every renderer: each stage's span of time gets its
 * column (a piecewise axis), every outreach item sits in its own stage's column, each milestone in the
 * column of the stage whose span holds it; `hole` places a contact hole in the column the analysis gives it.
 */
export function placeInTime(model: JourneyModel, stages: StageView[], milestones: Omit<MilestoneView, 'stage' | 'at'>[]): { milestones: MilestoneView[]; hole: (hole: Omit<HoleView, 'from' | 'to'>) => HoleView } {
  const spans = stageSpans(model.stages.map((s) => ({ touchpoints: s.touchpoints.map((t) => ({ timing: t.timing })) })));
  const home = milestones.map((m) => stageOfDay(spans, m.day) ?? 0);
  const columns: (DaySpan | undefined)[] = model.stages.map((stage, k) =>
    columnSpan(spans[k], [...stage.outreach.flatMap((o) => (o.timing ? [o.timing.start] : [])), ...milestones.filter((_, i) => home[i] === k).map((m) => m.day)]),
  );
  stages.forEach((view, k) => {
    const span = columns[k];
    if (span) view.time = { start: span.start, end: span.end, from: dayShort(span.start), to: dayShort(span.end) };
    view.outreach.forEach((o) => {
      if (span && o.timing) o.at = fractionOf(span, o.timing.start);
    });
  });
  return {
    milestones: milestones.map((m, i) => ({ ...m, stage: home[i] + 1, at: columns[home[i]] ? fractionOf(columns[home[i]]!, m.day) : 0.5 })),
    hole: (h) => {
      const span = columns[h.stage - 1];
      return { ...h, from: span ? fractionOf(span, h.start) : 0, to: span ? fractionOf(span, h.end) : 1 };
    },
  };
}
