import { Chalk } from 'chalk';
import { countBySeverity, type Analysis } from '../index.js';
import { SEVERITIES, STATUSES } from '../checks.js';
import { dayInWords } from '../../model/timing.js';
import { plural } from '../../words.js';

export interface AnalyzeFormatOptions {
  color: boolean;
  version: string;
}

/** For people at a terminal: the findings as `file:line:col`, then the coverage matrix and the gap counts. */
export function analyzeText(analyses: Analysis[], options: AnalyzeFormatOptions): string {
  const c = new Chalk({ level: options.color ? 1 : 0 });
  const out: string[] = [];
  for (const a of analyses) {
    out.push(c.bold.underline(`${a.file}: ${a.title}${a.state ? ` (${a.state} state)` : ''}`), '');
    for (const f of a.findings) {
      const sev = f.severity === 'error' ? c.red('error') : f.severity === 'warning' ? c.yellow('warning') : c.blue('info');
      out.push(`${c.bold(`${f.file}:${f.line}:${f.column}`)}  ${sev}  ${f.message}  ${c.dim(f.ruleId)}`);
    }
    if (a.findings.length === 0) out.push(c.green('no findings'));
    out.push('', c.bold('Channels by stage') + c.dim(' (touchpoints + outreach)'), ...matrix(a), '');
    if (a.coverage.personas.length) out.push(c.bold('Personas by stage') + c.dim(' (touchpoints)'), ...personaMatrix(a), '');
    out.push(c.bold('Contact holes'), `  ${contactLine(a)}`, '');
    out.push(c.bold('Gaps'), ...gapLines(a).map((l) => `  ${l}`), '');
  }
  const n = countBySeverity(analyses);
  const total = n.error + n.warning + n.info;
  const summary = `${plural(total, 'finding')} (${plural(n.error, 'error')}, ${plural(n.warning, 'warning')}, ${n.info} info) in ${plural(analyses.length, 'map')}`;
  out.push(n.error ? c.red.bold(summary) : n.warning ? c.yellow.bold(summary) : c.green.bold(summary));
  return `${out.join('\n')}\n`;
}

function table(header: string[], rows: string[][]): string[] {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) => `  ${cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join('  ')}`.trimEnd();
  return [line(header), ...rows.map(line)];
}

function matrix(a: Analysis): string[] {
  const header = ['', ...a.coverage.stages.map((s) => abbreviate(s.name))];
  const rows = a.coverage.channels.map((r) => [r.name + (r.stages === 1 ? ' *' : ''), ...r.cells.map((cell) => (cell.touchpoints + cell.outreach ? String(cell.touchpoints + cell.outreach) : '.'))]);
  const single = a.coverage.channels.filter((r) => r.stages === 1);
  return [...table(header, rows), ...(single.length ? [`  * in one stage only: ${single.map((r) => r.name).join(', ')}`] : [])];
}

function personaMatrix(a: Analysis): string[] {
  const header = ['', ...a.coverage.stages.map((s) => abbreviate(s.name))];
  return table(header, a.coverage.personas.map((p) => [p.name, ...p.touchpoints.map((n) => (n ? String(n) : '-'))]));
}

/** Stage names head narrow columns: keep the first word. */
export function abbreviate(name: string): string {
  const first = name.split(/[\s/]/)[0];
  return first.length > 12 ? `${first.slice(0, 11)}.` : first;
}

export function contactLine(a: Analysis): string {
  const { contact } = a;
  if (contact.skipped || !contact.period || !contact.milestone) return `not checked: ${contact.skipped ?? 'no timing'}`;
  const period = `window from ${dayInWords(contact.period.start, contact.milestone)} to ${dayInWords(contact.period.end, contact.milestone)}`;
  const from = contact.afterCareStage ? ` (from stage "${contact.afterCareStage.name}")` : '';
  const count = (n: number) => (n ? `${plural(n, 'stretch', 'stretches')} over ${a.thresholds.contactHoleDays} days without contact` : `no stretch over ${a.thresholds.contactHoleDays} days without contact`);
  const segments = contact.segments.map((s) => `; ${s.name}: ${count(s.holes.length)}`).join('');
  return `${period}${from}: ${count(contact.holes.length)}${segments}`;
}

export function gapLines(a: Analysis): string[] {
  const g = a.gaps;
  if (g.total === 0) return ['none recorded'];
  return [
    `${plural(g.total, 'gap')}: ${SEVERITIES.map((s) => `${g.bySeverity[s]} ${s}`).join(', ')}`,
    `status: ${STATUSES.map((s) => `${g.byStatus[s]} ${s}`).join(', ')}`,
    `by stage: ${g.byStage.map((s) => `${s.name} ${s.count}`).join(', ')}`,
    `${g.withoutOwner} without owner, ${g.withoutOpportunity} without opportunity`,
  ];
}
