import type { ContactHole } from '../contact.js';
import type { Analysis } from '../index.js';
import type { AnalyzeFormatOptions } from './text.js';

/** For machines: every analysis as data, stable key order, no colour. */
export function analyzeJson(analyses: Analysis[], options: AnalyzeFormatOptions): string {
  const maps = analyses.map((a) => ({
    file: a.file,
    title: a.title,
    state: a.state ?? null,
    findings: a.findings,
    emotion: a.emotion,
    coverage: a.coverage,
    contact: {
      afterCareStage: a.contact.afterCareStage?.id ?? null,
      milestone: a.contact.milestone ?? null,
      period: a.contact.period ?? null,
      skipped: a.contact.skipped ?? null,
      holes: a.contact.holes.map(holeJson),
      segments: a.contact.segments.map((s) => ({ id: s.id, name: s.name, share: s.share ?? null, holes: s.holes.map(holeJson) })),
      contacts: a.contact.contacts.map((c) => ({ id: c.id, kind: c.kind, channel: c.channel, start: round(c.span.start), end: round(c.span.end) })),
    },
    gaps: a.gaps,
    thresholds: a.thresholds,
  }));
  return `${JSON.stringify({ tool: 'journeymap', version: options.version, maps }, null, 2)}\n`;
}

const round = (n: number) => Math.round(n * 100) / 100;

const holeJson = (h: ContactHole) => ({ start: round(h.start), end: round(h.end), days: h.days, length: h.length, words: h.words, gap: h.gap?.id ?? null, next: h.next?.id ?? null, previous: h.previous?.id ?? null });
