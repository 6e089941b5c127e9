import type { FileReport } from '../validate/finding.js';

export interface FormatOptions {
  /** Colour the output (stylish only). */
  color: boolean;
  /** The journeymap version, for formats that name their producer. */
  version: string;
}

/** A formatter is a pure function of the reports: same findings, same text. */
export type Formatter = (reports: FileReport[], options: FormatOptions) => string;

export function countFindings(reports: FileReport[]): { errors: number; warnings: number } {
  let errors = 0;
  let warnings = 0;
  for (const report of reports) for (const f of report.findings) f.severity === 'error' ? errors++ : warnings++;
  return { errors, warnings };
}
