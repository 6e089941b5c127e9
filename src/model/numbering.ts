import type { JourneyModel } from './journey.js';

/**
 * Gives a model of some of a map's stages (a sheet of a split print) the references the whole map has,
 * so T9 on the second sheet is the T9 of the unsplit map. Items are matched by their source object,
 * which slicing a map keeps; the part's own layout indexes are left alone.
 */
export function numberAsWhole(part: JourneyModel, whole: JourneyModel): JourneyModel {
  const refs = new Map<object, string>();
  for (const t of whole.touchpoints) refs.set(t.source, t.ref);
  for (const g of whole.gaps) refs.set(g.source, g.ref);
  for (const o of whole.outreach) refs.set(o.source, o.ref);
  const opportunityRefs = new Map(whole.opportunities.map((o) => [o.gap.source, o.ref]));
  for (const t of part.touchpoints) t.ref = refs.get(t.source) ?? t.ref;
  // A gap may be pinned to a touchpoint on another sheet: it still names it ("G3 · at T2, T9").
  const partTouchpoints = new Map(part.touchpoints.map((t) => [t.source, t]));
  const wholeGaps = new Map(whole.gaps.map((g) => [g.source, g]));
  for (const g of part.gaps) {
    g.ref = refs.get(g.source) ?? g.ref;
    const pinned = wholeGaps.get(g.source)?.touchpoints;
    if (pinned) g.touchpoints = pinned.map((t) => partTouchpoints.get(t.source) ?? t);
  }
  // …and a touchpoint keeps the tag of a gap kept on another sheet.
  const partGaps = new Map(part.gaps.map((g) => [g.source, g]));
  const wholeTouchpoints = new Map(whole.touchpoints.map((t) => [t.source, t]));
  for (const t of part.touchpoints) {
    const tagged = wholeTouchpoints.get(t.source)?.gaps;
    if (tagged) t.gaps = tagged.map((g) => partGaps.get(g.source) ?? g);
  }
  for (const o of part.outreach) o.ref = refs.get(o.source) ?? o.ref;
  for (const o of part.opportunities) o.ref = opportunityRefs.get(o.gap.source) ?? o.ref;
  return part;
}
