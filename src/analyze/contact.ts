import { contactItem } from '../model/contacts.js';
import type { ContactHole as ModelHole, Contact as ModelContact, JourneyModel, Span } from '../model/types.js';
import type { DataPath } from '../validate/finding.js';

export type { Span };

/** A contact as `analyze` reports it: the outreach item or service-initiated touchpoint by id, and where it is written. */
export interface Contact {
  id: string;
  name: string;
  channel: string;
  kind: 'outreach' | 'touchpoint';
  span: Span;
  path: DataPath;
}

export interface ContactHole extends Span {
  days: number;
  /** Its length as a person says it: `9 weeks`, `7 months`. */
  length: string;
  /** The period in words: `from 8 weeks after surgery to 11 months after surgery`. */
  words: string;
  /** The contact that ends the hole, or that comes last before it when nothing follows. */
  next?: Contact;
  previous?: Contact;
  /** The gap that says it is about this period, by id. */
  gap?: { id: string; ref: string; title: string };
}

export interface SegmentHoles {
  id: string;
  name: string;
  share?: number;
  holes: ContactHole[];
  /** The segment's holes that all patients together do not have: what the all-patients view hides. */
  hidden: ContactHole[];
}

export interface ContactAnalysis {
  /** The configured first stage after care, when the configuration names one. */
  afterCareStage?: { id: string; name: string; index: number };
  /** Name of the milestone days count from. */
  milestone?: string;
  /** The window examined: from the first contact to the last milestone-relative event. */
  period?: Span;
  contacts: Contact[];
  /** The holes of all patients together. */
  holes: ContactHole[];
  /** Each segment's holes, in the order declared; empty for a map without segments. */
  segments: SegmentHoles[];
  /** Why no holes could be looked for, when none could. */
  skipped?: string;
}

/** The model's timeline facts in `analyze`'s terms: items by id and path, for reports and located findings. */
export function contactReport(model: JourneyModel): ContactAnalysis {
  const { analysis } = model;
  const outreach = model.map.outreach ?? [];
  const contact = (c: ModelContact): Contact => {
    const path: DataPath =
      c.kind === 'outreach' ? ['outreach', outreach.indexOf(c.outreach.source)] : ['stages', c.touchpoint.stageIndex, 'touchpoints', model.stages[c.touchpoint.stageIndex].touchpoints.indexOf(c.touchpoint)];
    const { id, name, channel } = contactItem(c);
    return { id, name, channel, kind: c.kind, span: c.span, path };
  };
  const hole = (h: ModelHole): ContactHole => ({
    start: h.start,
    end: h.end,
    days: h.days,
    length: h.length,
    words: h.words,
    next: h.next && contact(h.next),
    previous: h.previous && contact(h.previous),
    gap: h.gap && { id: h.gap.source.id, ref: h.gap.ref, title: h.gap.source.title },
  });
  const stage = analysis.afterCare;
  const allHoles = analysis.holes.map(hole);
  const sameAsAll = (h: ContactHole) => allHoles.some((a) => a.start === h.start && a.end === h.end);
  return {
    afterCareStage: stage && { id: stage.source.id, name: stage.source.name, index: stage.index },
    milestone: analysis.milestone,
    period: analysis.period,
    contacts: analysis.contacts.map(contact),
    holes: allHoles,
    segments: analysis.segments.map((s) => {
      const holes = s.holes.map(hole);
      return { id: s.segment.id, name: s.segment.name, share: s.segment.source.share, holes, hidden: holes.filter((h) => !sameAsAll(h)) };
    }),
    skipped: analysis.skipped,
  };
}
