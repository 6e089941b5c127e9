import { countBySeverity, type Analysis } from '../index.js';
import { SEVERITIES, STATUSES } from '../checks.js';
import { dayInWords } from '../../model/timing.js';
import { plural } from '../../words.js';
import { escapeHtml as e, htmlPage, num } from './page.js';
import { contactLine, type AnalyzeFormatOptions } from './text.js';

const css = `
.curve .band { fill: #f4f6f9; } .curve .band.alt { fill: #fff; }
.curve .stage { font-size: 12px; fill: var(--muted); font-weight: 600; }
.curve .grid { stroke: var(--line); } .curve .zero { stroke: #9aa3b2; stroke-dasharray: 4 3; }
.curve .axis { font-size: 11px; fill: var(--muted); }
.curve path.line { fill: none; stroke: var(--accent); stroke-width: 2.5; }
.curve .pt { fill: #fff; stroke: var(--accent); stroke-width: 2; }
.curve .pt.recorded { fill: var(--ink); stroke: var(--ink); }
.curve .pt.unrecorded { fill: #fff; stroke: var(--bad); stroke-width: 3; }
.curve .flag { fill: var(--bad); font-size: 12px; font-weight: 700; }
.heat td.cell { text-align: center; min-width: 64px; font-variant-numeric: tabular-nums; }
.heat td.single { outline: 2px dashed var(--warn); outline-offset: -3px; }
.timeline .hole { fill: #fde8e6; stroke: var(--bad); stroke-dasharray: 5 3; }
.timeline .span { fill: var(--accent); } .timeline .period { fill: #eef2f8; }
.timeline text { font-size: 11px; fill: var(--muted); } .timeline .hole-label { fill: var(--bad); font-weight: 600; }
`;

/** A page a manager reads: the emotion curve with unrecorded low points marked, coverage as a heat map. */
export function analyzeHtml(analyses: Analysis[], options: AnalyzeFormatOptions): string {
  const n = countBySeverity(analyses);
  const title = analyses.length === 1 ? `Analysis: ${analyses[0].title}` : `Analysis of ${analyses.length} journey maps`;
  const body = [
    `<h1>${e(title)}</h1>`,
    `<p class="meta">${n.error + n.warning + n.info} findings: ${n.error} errors, ${n.warning} warnings, ${n.info} info. Made by journeymap ${e(options.version)}.</p>`,
    ...analyses.map(section),
  ].join('\n');
  return htmlPage(title, body, css);
}

function section(a: Analysis): string {
  const lows = a.emotion.filter((p) => p.low);
  const unrecorded = lows.filter((p) => !p.recorded);
  return `<section>
<h2>${e(a.title)}${a.state ? ` <span class="note">(${e(a.state)} state)</span>` : ''}</h2>
<p class="meta">${e(a.file)}</p>
<div class="cards">
<div class="card"><b>${a.findings.length}</b>findings</div>
<div class="card"><b>${unrecorded.length} of ${lows.length}</b>low points with no gap</div>
<div class="card"><b>${a.contact.holes.length}</b>contact holes</div>
<div class="card"><b>${a.gaps.total}</b>gaps recorded</div>
</div>
<h3>Emotion curve</h3>
${curve(a)}
<p class="note">A red ring and “!” mark a low point (emotion ${a.thresholds.lowEmotion} or below) that no gap records; a filled dot, a low point that a gap records.</p>
<h3>Channels by stage</h3>
${heatMap(a)}
<h3>Contact holes</h3>
<p>${e(contactLine(a))}</p>
${timeline(a)}
<h3>Findings</h3>
${findingsTable(a)}
<h3>Gaps</h3>
${gapsTables(a)}
</section>`;
}

function curve(a: Analysis): string {
  const points = a.emotion;
  if (points.length === 0) return '<p class="note">No touchpoint has an emotion.</p>';
  const left = 44, top = 30, plotH = 180, width = 1100;
  const step = (width - left - 16) / points.length;
  const x = (i: number) => left + step * (i + 0.5);
  const y = (v: number) => top + ((2 - v) / 4) * plotH;
  const parts: string[] = [];
  let i = 0;
  a.coverage.stages.forEach((s, k) => {
    const count = points.filter((p) => p.stage === s.id).length;
    if (!count) return;
    parts.push(`<rect class="band${k % 2 ? ' alt' : ''}" x="${num(left + step * i)}" y="${top - 22}" width="${num(step * count)}" height="${plotH + 30}"/>`);
    parts.push(`<text class="stage" x="${num(left + step * i + 4)}" y="${top - 8}">${e(clip(s.name, Math.floor((step * count) / 7)))}</text>`);
    i += count;
  });
  for (let v = -2; v <= 2; v++) {
    parts.push(`<line class="${v === 0 ? 'zero' : 'grid'}" x1="${left}" x2="${width - 16}" y1="${num(y(v))}" y2="${num(y(v))}"/>`);
    parts.push(`<text class="axis" x="${left - 8}" y="${num(y(v) + 4)}" text-anchor="end">${v > 0 ? `+${v}` : v}</text>`);
  }
  parts.push(`<path class="line" d="${points.map((p, k) => `${k ? 'L' : 'M'}${num(x(k))} ${num(y(p.emotion))}`).join(' ')}"/>`);
  points.forEach((p, k) => {
    const cls = p.low ? (p.recorded ? 'pt recorded' : 'pt unrecorded') : 'pt';
    parts.push(`<circle class="${cls}" cx="${num(x(k))}" cy="${num(y(p.emotion))}" r="${p.low && !p.recorded ? 8 : 5}"><title>${e(`${p.name} (${p.stageName}): emotion ${p.emotion}${p.low ? (p.recorded ? ', recorded in a gap' : ', no gap records it') : ''}`)}</title></circle>`);
    if (p.low && !p.recorded) parts.push(`<text class="flag" x="${num(x(k))}" y="${num(y(p.emotion) + 24)}" text-anchor="middle">!</text>`);
  });
  const labels = points.map((p, k) => `<li><b>${k + 1}.</b> ${e(p.name)}${p.low && !p.recorded ? ' <span class="sev-warning">(low, no gap)</span>' : ''}</li>`).join('');
  return `<svg class="curve" viewBox="0 0 ${width} ${top + plotH + 24}" role="img" aria-label="Emotion curve across ${points.length} touchpoints">
${parts.join('\n')}
${points.map((_, k) => `<text class="axis" x="${num(x(k))}" y="${top + plotH + 18}" text-anchor="middle">${k + 1}</text>`).join('')}
</svg>
<ol class="note" style="columns: 3; list-style: none; padding: 0">${labels}</ol>`;
}

function clip(text: string, max: number): string {
  return text.length <= Math.max(max, 4) ? text : `${text.slice(0, Math.max(max, 4) - 1)}…`;
}

function heatMap(a: Analysis): string {
  const max = Math.max(1, a.coverage.maxCell);
  const head = `<tr><th scope="col">Channel</th>${a.coverage.stages.map((s) => `<th scope="col">${e(s.name)}</th>`).join('')}</tr>`;
  const rows = a.coverage.channels.map((r) => {
    const cells = r.cells.map((c) => {
      const n = c.touchpoints + c.outreach;
      const alpha = n ? 0.15 + 0.75 * (n / max) : 0;
      const style = n ? ` style="background: rgba(31, 95, 191, ${Math.round(alpha * 100) / 100}); color: ${alpha > 0.55 ? '#fff' : 'inherit'}"` : '';
      const title = `${plural(c.touchpoints, 'touchpoint')}, ${c.outreach} outreach`;
      return `<td class="cell${n && r.stages === 1 ? ' single' : ''}"${style} title="${e(title)}">${n || ''}</td>`;
    });
    return `<tr><th scope="row">${e(r.name)}${r.stages === 1 ? ' *' : ''}</th>${cells.join('')}</tr>`;
  });
  const personas = a.coverage.personas.length
    ? `<table><tr><th scope="col">Persona</th>${a.coverage.stages.map((s) => `<th scope="col">${e(s.name)}</th>`).join('')}</tr>${a.coverage.personas.map((p) => `<tr><th scope="row">${e(p.name)}</th>${p.touchpoints.map((n) => `<td class="num${n ? '' : ' sev-warning'}">${n || '0 – none'}</td>`).join('')}</tr>`).join('')}</table>`
    : '';
  return `<table class="heat">${head}${rows.join('')}</table>
<p class="note">Touchpoints and outreach items per channel and stage; darker is more. * and a dashed outline: a channel used in one stage only.</p>${personas}`;
}

function timeline(a: Analysis): string {
  const { period, milestone } = a.contact;
  if (!period || !milestone) return '';
  const start = period.start, end = Math.max(period.end, start + 1);
  const width = 1100, left = 10, right = 10, h = 70;
  const x = (d: number) => left + ((Math.min(Math.max(d, start), end) - start) / (end - start)) * (width - left - right);
  const parts = [`<rect class="period" x="${left}" y="14" width="${width - left - right}" height="24"/>`];
  for (const hole of a.contact.holes) {
    parts.push(`<rect class="hole" x="${num(x(hole.start))}" y="10" width="${num(Math.max(2, x(hole.end) - x(hole.start)))}" height="32"><title>${e(`${hole.days} days (${hole.length}) without contact, ${hole.words}`)}</title></rect>`);
    parts.push(`<text class="hole-label" x="${num((x(hole.start) + x(hole.end)) / 2)}" y="30" text-anchor="middle">${hole.days} days, no contact</text>`);
  }
  for (const c of a.contact.contacts) {
    if (c.span.end < start || c.span.start > end) continue;
    parts.push(`<rect class="span" x="${num(x(c.span.start) - 1.5)}" y="18" width="${num(Math.max(3, x(c.span.end) - x(c.span.start)))}" height="16"><title>${e(c.name)}</title></rect>`);
  }
  parts.push(`<text x="${left}" y="58">${e(dayInWords(start, milestone))}</text><text x="${width - right}" y="58" text-anchor="end">${e(dayInWords(end, milestone))}</text>`);
  return `<svg class="timeline" viewBox="0 0 ${width} ${h}" role="img" aria-label="Contacts across the analysed window">${parts.join('')}</svg>
<p class="note">Blue: contacts (counted outreach and touchpoints the service starts). Red dashed: stretches over ${a.thresholds.contactHoleDays} days with none.</p>`;
}

function findingsTable(a: Analysis): string {
  if (!a.findings.length) return '<p>No findings.</p>';
  const rows = a.findings.map((f) => `<tr><td class="num">${f.line}</td><td class="sev-${f.severity}">${f.severity}</td><td>${e(f.message)}</td><td><code>${e(f.ruleId)}</code></td></tr>`);
  return `<table><tr><th scope="col">Line</th><th scope="col">Severity</th><th scope="col">Finding</th><th scope="col">Rule</th></tr>${rows.join('')}</table>`;
}

function gapsTables(a: Analysis): string {
  const g = a.gaps;
  if (!g.total) return '<p>No gaps recorded.</p>';
  const row = (label: string, values: [string, number][]) => `<tr><th scope="row">${label}</th>${values.map(([k, v]) => `<td class="num">${e(k)}: ${v}</td>`).join('')}</tr>`;
  return `<table>
${row('Severity', SEVERITIES.map((s) => [s, g.bySeverity[s]]))}
${row('Status', STATUSES.map((s) => [s, g.byStatus[s]]))}
${row('Stage', g.byStage.map((s) => [s.name, s.count]))}
</table>
<p class="note">${g.withoutOwner} without an owner, ${g.withoutOpportunity} without an opportunity.</p>`;
}
