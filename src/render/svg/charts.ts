import { layoutEmotion } from '../layout/emotion.js';
import { hatchPath } from '../layout/hatch.js';
import { layoutOutreachRows } from '../layout/outreach-rows.js';
import { OUTREACH_HINT, type Label, type TextKind, type Timeline } from '../layout/timeline.js';
import { TYPE } from '../layout/theme.js';
import type { Lane, SvgContext } from './context.js';
import { esc, icon, line, n, paragraph, rect, text, type TextStyle } from './draw.js';

const STEP = 22;

export function emotionLane(ctx: SvgContext): Lane | undefined {
  if (!ctx.view.legend.emotions.length) return undefined;
  const p = ctx.palette;
  const chart = layoutEmotion(ctx.view.touchpoints, ctx.tpX, ctx.view.lowest, p, 34, STEP);
  const left = ctx.columns[0].x;
  const right = ctx.columns[ctx.columns.length - 1].x + ctx.columns[ctx.columns.length - 1].width;
  let svg = '';
  for (const level of chart.levels) {
    svg += text(left - 8, level.y + 3.5, level.label, { size: TYPE.label, fill: p.muted, bold: level.value === 0, anchor: 'end' });
    svg += line(left, level.y, right, level.y, level.value === 0 ? p.faint : p.rule, 1, level.value === 0 ? '' : ' stroke-dasharray="2 4"');
  }
  const above = `<clipPath id="jm-above"><rect x="${n(left)}" y="0" width="${n(right - left)}" height="${n(chart.zeroY)}"/></clipPath>`;
  const below = `<clipPath id="jm-below"><rect x="${n(left)}" y="${n(chart.zeroY)}" width="${n(right - left)}" height="${n(chart.bottom - chart.zeroY + STEP)}"/></clipPath>`;
  const gradient = `<linearGradient id="jm-emotion" gradientUnits="userSpaceOnUse" x1="0" y1="${n(chart.top)}" x2="0" y2="${n(chart.bottom)}">${[4, 3, 2, 1, 0].map((e, i) => `<stop offset="${i / 4}" stop-color="${p.emotion[e]}"/>`).join('')}</linearGradient>`;
  svg += `<defs>${above}${below}${gradient}</defs>`;
  for (const s of chart.segments) {
    if (p.positiveArea !== 'none') svg += `<path d="${s.area}" fill="${p.positiveArea}" clip-path="url(#jm-above)"/><path d="${s.area}" fill="${p.negativeArea}" clip-path="url(#jm-below)"/>`;
    svg += `<path d="${s.line}" fill="none" stroke="url(#jm-emotion)" stroke-width="2.5" stroke-linecap="round"/>`;
  }
  for (const pt of chart.points) {
    if (pt.labelled) svg += text(pt.x, chart.bottom + 22, pt.touchpoint.ref, { size: TYPE.label, fill: pt.y === undefined ? p.faint : p.muted, bold: true, anchor: 'middle' });
    if (pt.y === undefined) {
      svg += line(pt.x, chart.top, pt.x, chart.bottom, p.faint, 1, ' stroke-dasharray="1 3"');
      continue;
    }
    const big = pt === chart.lowest;
    svg += `<g><title>${esc(`${pt.touchpoint.ref} ${pt.touchpoint.name}: emotion ${pt.emotion! > 0 ? '+' : ''}${pt.emotion}`)}</title><circle cx="${n(pt.x)}" cy="${n(pt.y)}" r="${big ? 7 : 5}" fill="${pt.colour}" stroke="${p.paper}" stroke-width="${big ? 2.5 : 1.5}"/></g>`;
    if (big) svg += `<circle cx="${n(pt.x)}" cy="${n(pt.y)}" r="10" fill="none" stroke="${pt.colour}" stroke-width="1.5"/>`;
  }
  if (chart.lowest) {
    const lo = chart.lowest;
    const label = `Lowest point \u00b7 ${lo.touchpoint.ref}`;
    const w = 190;
    const alignRight = lo.x + w / 2 > right;
    const alignLeft = lo.x - w / 2 < left;
    const anchor = alignRight ? 'end' : alignLeft ? 'start' : 'middle';
    const tx = alignRight ? lo.x - 14 : alignLeft ? lo.x + 14 : lo.x;
    const ty = 0;
    svg += text(tx, ty + 10, label, { size: TYPE.label, fill: p.emotion[0], bold: true, anchor });
    const explain = paragraph(0, ty + 12, lo.touchpoint.voice, w, { size: TYPE.label, fill: p.text, anchor, italic: true }, 1);
    svg += `<g transform="translate(${n(tx)} 0)">${explain.svg}</g>`;
    svg += line(lo.x, ty + 28, lo.x, lo.y! - 11, p.faint, 1, ' stroke-dasharray="2 2"');
  }
  return { id: 'emotion', label: 'Emotion', hint: 'how the person feels at each touchpoint', height: chart.bottom + 34, svg };
}

export function outreachLane(ctx: SvgContext): Lane | undefined {
  if (!ctx.view.outreach.length) return undefined;
  const p = ctx.palette;
  const laid = layoutOutreachRows(ctx.view, ctx.columns);
  const [only] = laid.rows;
  if (!only.name) return { id: 'outreach', label: 'Outreach', hint: OUTREACH_HINT, height: laid.height, svg: drawTimeline(only.timeline, p) };
  // A map with segments: a row each, its name in its band, a faint rule between rows.
  const left = ctx.columns[0].x;
  const right = ctx.columns[ctx.columns.length - 1].x + ctx.columns[ctx.columns.length - 1].width;
  let svg = '';
  for (const [k, row] of laid.rows.entries()) {
    svg += `<g class="outreach-row" data-segment="${esc(row.row.segment?.id ?? '')}">`;
    if (k > 0) svg += line(left, row.y, right, row.y, p.rule, 1, ' stroke-dasharray="2 4"');
    svg += text(row.name!.x, row.y + row.name!.y, row.name!.text, { size: TYPE.small, fill: p.ink, bold: true });
    svg += `<g transform="translate(0 ${n(row.timelineY)})">${drawTimeline(row.timeline, p)}</g></g>`;
  }
  return { id: 'outreach', label: 'Outreach', hint: OUTREACH_HINT, height: laid.height, svg };
}

/** One row of the outreach lane, in its own coordinates. */
function drawTimeline(tl: Timeline, p: SvgContext['palette']): string {
  const y = tl.axisY;
  const style = (kind: TextKind, muted: boolean): TextStyle => {
    const base = { when: { size: TYPE.small, fill: p.ink, bold: true }, name: { size: TYPE.small, fill: p.ink, bold: true }, detail: { size: TYPE.label, fill: p.muted }, status: { size: TYPE.label, fill: p.muted, italic: true }, milestone: { size: TYPE.label, fill: p.ink, bold: true, caps: true }, hole: { size: TYPE.label, fill: p.hatch, bold: true, caps: true }, words: { size: TYPE.label, fill: p.text, italic: true }, period: { size: TYPE.label, fill: p.muted } }[kind];
    return muted && kind !== 'status' ? { ...base, fill: p.muted } : base;
  };
  // Caps come from the layout, which wrote them as they are to be read ("DISCHARGE · +2 d").
  const label = (l: Label | undefined, muted = false) => (l ? l.rows.map((r) => text(l.x, r.y, r.text, { ...style(r.kind, muted), caps: false, letterSpacing: r.kind === 'milestone' || r.kind === 'hole', anchor: l.anchor })).join('') : '');
  let svg = '';
  for (const axis of tl.axes) svg += (axis.empty ? line(axis.x1, y, axis.x2, y, p.faint, 1.5, ' stroke-dasharray="2 4"') : line(axis.x1, y, axis.x2, y, p.ink, 2)) + axis.ticks.map((t) => label(t)).join('');
  for (const h of tl.holes) {
    let drawn = rect(h.x1, y - 7, h.x2 - h.x1, 14, p.paper);
    drawn += `<path d="${hatchPath(h.x1, y - 7, h.x2 - h.x1, 14)}" fill="none" stroke="${p.hatch}" stroke-width="1.5"/>`;
    drawn += rect(h.x1, y - 7, h.x2 - h.x1, 14, 'none', ` stroke="${p.hatch}"`);
    svg += `<g><title>${esc(h.hole.sentence)}</title>${drawn}${label(h.label)}${label(h.words)}</g>`;
  }
  for (const m of tl.milestones) {
    const drawn = line(m.x, m.top, m.x, m.bottom ?? y, p.ink, 1.5) + `<path d="M${n(m.x)} ${y - 6}l6 6-6 6-6-6z" fill="${p.ink}"/>` + label(m.label);
    svg += `<g><title>${esc(m.milestone.label)}</title>${drawn}</g>`;
  }
  for (const item of tl.items) {
    const o = item.outreach;
    const muted = o.statusId === 'paused' || o.statusId === 'retired';
    const dashed = o.statusId === 'idea' || o.statusId === 'planned';
    const ring = muted ? p.faint : p.ink;
    let drawn = item.leaders.map((l) => line(item.x, l.y1, item.x, l.y2, p.faint, 1)).join('');
    drawn += `<circle cx="${n(item.x)}" cy="${y}" r="12" fill="${p.paper}" stroke="${ring}" stroke-width="1.5"${dashed ? ' stroke-dasharray="3 2.5"' : ''}/>`;
    drawn += icon(`icon-${o.channel.icon}`, item.x - 7, y - 7, 14, muted ? p.muted : p.ink);
    if (muted) drawn += line(item.x - 9, y + 9, item.x + 9, y - 9, p.muted, 1.5);
    svg += `<g><title>${esc(o.title)}</title>${drawn}${label(item.when, muted)}${label(item.label, muted)}</g>`;
  }
  return svg;
}
