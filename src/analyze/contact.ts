import type { Contact as ModelContact, JourneyModel, Span } from '../model/types.js';
import type { DataPath } from '../validate/finding.js';

export type { Span };

/** A contact as `analyze` reports it: the outreach item by id, and where it is written. */
export interface Contact {
  id: string;
  name: string;
  channel: string;
  span: Span;
  path: DataPath;
}

export interface ContactHole extends Span {
  days: number;
  /** The period in words: `from 8 weeks after surgery to 11 months after surgery`. */
  words: string;
  /** The outreach that ends the hole, or that comes last before it when nothing follows. */
  next?: Contact;
  previous?: Contact;
  /** The gap that says it is about this period, by id. */
  gap?: { id: string; ref: string; title: string };
}

export interface ContactAnalysis {
  /** The first stage counted as "after care", or undefined when the map has too few stages to tell. */
  afterCareStage?: { id: string; name: string; index: number };
  /** Name of the milestone days count from. */
  milestone?: string;
  /** The care period examined: from the first to the last timed touchpoint of the stages after care. */
  period?: Span;
  contacts: Contact[];
  holes: ContactHole[];
  /** Why no holes could be looked for, when none could. */
  skipped?: string;
}

/** The model's timeline facts in `analyze`'s terms: items by id and path, for reports and located findings. */
export function contactReport(model: JourneyModel): ContactAnalysis {
  const { analysis } = model;
  const outreach = model.map.outreach ?? [];
  const contact = (c: ModelContact): Contact => {
    const s = c.outreach.source;
    return { id: s.id, name: s.name, channel: s.channel, span: c.span, path: ['outreach', outreach.indexOf(s)] };
  };
  const stage = analysis.afterCare;
  return {
    afterCareStage: stage && { id: stage.source.id, name: stage.source.name, index: stage.index },
    milestone: analysis.milestone,
    period: analysis.period,
    contacts: analysis.contacts.map(contact),
    holes: analysis.holes.map((h) => ({
      start: h.start,
      end: h.end,
      days: h.days,
      words: h.words,
      next: h.next && contact(h.next),
      previous: h.previous && contact(h.previous),
      gap: h.gap && { id: h.gap.source.id, ref: h.gap.ref, title: h.gap.source.title },
    })),
    skipped: analysis.skipped,
  };
}
