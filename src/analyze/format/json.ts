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
      holes: a.contact.holes.map((h) => ({ start: round(h.start), end: round(h.end), days: h.days, words: h.words, gap: h.gap?.id ?? null, next: h.next?.id ?? null, previous: h.previous?.id ?? null })),
      contacts: a.contact.contacts.map((c) => ({ id: c.id, channel: c.channel, start: round(c.span.start), end: round(c.span.end) })),
    },
    gaps: a.gaps,
    thresholds: a.thresholds,
  }));
  return `${JSON.stringify({ tool: 'journeymap', version: options.version, maps }, null, 2)}\n`;
}

const round = (n: number) => Math.round(n * 100) / 100;
