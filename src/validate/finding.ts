export type Severity = 'error' | 'warning';

/** A path into the map's data, as keys and list indexes: `['stages', 0, 'touchpoints', 2, 'channel']`. */
export type DataPath = readonly (string | number)[];

/**
 * What a check found, before it is placed in the source. Checks record a path into the data, not a
 * position: positions are looked up only for the files that have findings.
 */
export interface RawFinding {
  ruleId: string;
  message: string;
  path: DataPath;
  /** Point at the key (`key`) or at its value (`value`, the default). */
  target?: 'key' | 'value';
  /** A fixed position, for findings that come from the parser rather than from the data. */
  offset?: number;
  severity?: Severity;
}

/** A located finding. Lines and columns are 1-based everywhere. */
export interface Finding {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  severity: Severity;
  ruleId: string;
  message: string;
  /** The data path the finding is about, as a dotted string (`stages[0].touchpoints[2].channel`). */
  path: string;
}

/** The outcome of checking one file. */
export interface FileReport {
  file: string;
  findings: Finding[];
  /** The file's text, kept for code frames; absent for files that came out clean. */
  source?: string;
}

export function formatPath(path: DataPath): string {
  let out = '';
  for (const part of path) out += typeof part === 'number' ? `[${part}]` : out ? `.${part}` : part;
  return out;
}

export function compareFindings(a: Finding, b: Finding): number {
  return a.line - b.line || a.column - b.column || a.ruleId.localeCompare(b.ruleId) || a.message.localeCompare(b.message);
}

/** A report for a file that could not be read as a map at all (too large, not UTF-8). */
export function reportUnreadable(file: string, text: string, finding: RawFinding): FileReport {
  const before = text.slice(0, finding.offset ?? 0);
  const line = before.split('\n').length;
  const column = before.length - before.lastIndexOf('\n');
  const f: Finding = { file, line, column, endLine: line, endColumn: column, severity: 'error', ruleId: finding.ruleId, message: finding.message, path: '' };
  return { file, findings: [f], source: text };
}
