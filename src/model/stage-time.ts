/**
 * The stages' time: a stage's span of time is where its touchpoints happen, so the outreach lane can give
 * each stage's span its own column (a piecewise axis) and `validate` can say when an outreach item's timing
 * and its stage disagree. Days are those of the map's one axis (days from day 0). No pixels here: a place
 * in a column is a fraction of the column, 0 at its left edge and 1 at its right.
 */

export interface DaySpan {
  start: number;
  end: number;
}

/** What a stage holds that has a time: its touchpoints' timings (a repeating one by its first occurrence). */
export interface TimedStage {
  touchpoints: readonly { timing?: DaySpan }[];
}

/**
 * Each stage's span: from its first touchpoint's start to its last touchpoint's end (first occurrence,
 * so a yearly review until +3y does not stretch the stage to three years); undefined for a stage whose
 * touchpoints give no timing.
 */
export function stageSpans(stages: readonly TimedStage[]): (DaySpan | undefined)[] {
  return stages.map((stage) => {
    let span: DaySpan | undefined;
    for (const t of stage.touchpoints) {
      if (!t.timing) continue;
      span = span ? { start: Math.min(span.start, t.timing.start), end: Math.max(span.end, t.timing.end) } : { start: t.timing.start, end: t.timing.end };
    }
    return span;
  });
}

const contains = (span: DaySpan | undefined, day: number): boolean => span !== undefined && day >= span.start - 1e-9 && day <= span.end + 1e-9;

/**
 * When an item of stage `own` happens on `day` but its stage's span does not hold that day while another
 * stage's does: the index of the first such stage. Undefined when they agree, or when no stage's span
 * holds the day (a contact between stages, or before the first, misleads nobody).
 */
export function stageDisagreeing(spans: readonly (DaySpan | undefined)[], own: number, day: number): number | undefined {
  if (contains(spans[own], day)) return undefined;
  const other = spans.findIndex((span) => contains(span, day));
  return other >= 0 ? other : undefined;
}

/**
 * The stage a moment (a milestone) is drawn in: the first stage whose span holds it, else the stage whose
 * span comes closest to it; undefined when no stage has a span.
 */
export function stageOfDay(spans: readonly (DaySpan | undefined)[], day: number): number | undefined {
  let best: { index: number; distance: number } | undefined;
  spans.forEach((span, index) => {
    if (!span) return;
    const distance = day < span.start ? span.start - day : day > span.end ? day - span.end : 0;
    if (!best || distance < best.distance) best = { index, distance };
  });
  return best?.index;
}

/**
 * A column's time: the stage's span widened to take in every day drawn in it (its own outreach and the
 * milestones drawn there), so nothing in a column is pushed off its scale. Undefined when nothing in
 * the column has a time.
 */
export function columnSpan(span: DaySpan | undefined, days: readonly number[]): DaySpan | undefined {
  let out = span && { ...span };
  for (const day of days) out = out ? { start: Math.min(out.start, day), end: Math.max(out.end, day) } : { start: day, end: day };
  return out;
}

/** Where a day lies in a column of span `span`, from 0 (left) to 1 (right); a one-day column puts it in the middle. */
export function fractionOf(span: DaySpan, day: number): number {
  if (span.end - span.start < 1e-9) return 0.5;
  return Math.min(1, Math.max(0, (day - span.start) / (span.end - span.start)));
}
