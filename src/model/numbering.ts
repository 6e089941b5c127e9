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
  for (const g of part.gaps) g.ref = refs.get(g.source) ?? g.ref;
  for (const o of part.outreach) o.ref = refs.get(o.source) ?? o.ref;
  for (const o of part.opportunities) o.ref = opportunityRefs.get(o.gap.source) ?? o.ref;
  return part;
}
