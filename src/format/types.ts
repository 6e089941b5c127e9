import type { Finding, FileReport } from '../validate/finding.js';

export interface FormatOptions {
  /** Colour the output (stylish only). */
  color: boolean;
  /** The journeymap version, for formats that name their producer. */
  version: string;
}

/** A formatter is a pure function of the reports: same findings, same text. */
export type Formatter = (reports: FileReport[], options: FormatOptions) => string;

/**
 * Findings a format for people shows per file. Past a few hundred nobody reads on, and a file of
 * 100,000 repeated mistakes would otherwise print megabytes of code frames; the machine formats (json,
 * sarif, junit) stay complete.
 */
export const SHOWN_PER_FILE = 200;

/** The findings of a report a format for people shows, and the line that stands for the rest. */
export function shownFindings(report: FileReport): { shown: Finding[]; more?: string } {
  const hidden = report.findings.length - SHOWN_PER_FILE;
  if (hidden <= 0) return { shown: report.findings };
  return { shown: report.findings.slice(0, SHOWN_PER_FILE), more: `\u2026 and ${hidden.toLocaleString('en-US')} more; use --format json for all` };
}

export function countFindings(reports: FileReport[]): { errors: number; warnings: number } {
  let errors = 0;
  let warnings = 0;
  for (const report of reports) for (const f of report.findings) f.severity === 'error' ? errors++ : warnings++;
  return { errors, warnings };
}

/**
 * `JSON.stringify(value, null, 2)`, where the items of each list in `lazy` are converted by `convert` as
 * they are written: a report of 300,000 findings never holds 300,000 converted objects at once.
 */
export function stringifyLazily<T>(value: unknown, lazy: T[][], convert: (item: T) => unknown): string {
  const marked = new WeakSet<object>(lazy);
  return JSON.stringify(
    value,
    function (this: unknown, _key: string, item: unknown) {
      return marked.has(this as object) ? convert(item as T) : item;
    },
    2,
  );
}
