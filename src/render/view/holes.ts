import { SEVERITIES } from '../../model/journey.js';
import type { GapView, HoleView, OutreachView, TouchpointView } from './types.js';
import { durationWords } from './words.js';

/** A stretch this long with nobody contacting the person is called out. */
const CONTACT_HOLE_DAYS = 56;

interface Contact {
  start: number;
  end: number;
  touchpoints: string[];
  gaps: GapView[];
}

/** The long stretches between timed touchpoints and one-off outreach, each with the worst gap named on either side. */
export function contactHoles(touchpoints: TouchpointView[], outreach: OutreachView[], gaps: GapView[]): HoleView[] {
  const byRef = new Map(gaps.map((g) => [g.ref, g]));
  const known = (refs: string[]) => refs.map((r) => byRef.get(r)).filter((g): g is GapView => g !== undefined);
  const shown = new Map(touchpoints.map((t) => [t.ref, t]));
  const contacts: Contact[] = [
    ...touchpoints.filter((t) => t.timing).map((t) => ({ start: t.timing!.start, end: t.timing!.end, touchpoints: [t.ref], gaps: known(t.gaps.map((g) => g.ref)) })),
    ...outreach.filter((o) => o.timing && o.timing.every === undefined).map((o) => {
      const leads = o.touchpoints.filter((r) => shown.has(r));
      return { start: o.timing!.start, end: o.timing!.end, touchpoints: leads, gaps: [...known(o.gaps), ...known(leads.flatMap((r) => shown.get(r)!.gaps.map((g) => g.ref)))] };
    }),
  ].sort((a, b) => a.start - b.start);
  const holes: HoleView[] = [];
  let covering: Contact | undefined;
  for (const contact of contacts) {
    if (covering && contact.start - covering.end >= CONTACT_HOLE_DAYS) {
      const named = [...covering.gaps, ...contact.gaps];
      const shared = named.filter((g) => g.at.some((t) => covering!.touchpoints.includes(t)) && g.at.some((t) => contact.touchpoints.includes(t)));
      const gap = [...(shared.length ? shared : named)].sort((a, b) => SEVERITIES.indexOf(a.severity) - SEVERITIES.indexOf(b.severity))[0];
      const days = contact.start - covering.end;
      holes.push({ start: covering.end, end: contact.start, days, gap: gap?.ref, label: `Contact hole \u00b7 ${durationWords(days)}${gap ? ` \u00b7 ${gap.ref}` : ''}` });
    }
    if (!covering || contact.end >= covering.end) covering = contact;
  }
  return holes;
}
