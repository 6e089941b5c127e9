import { layoutEmotion } from '../layout/emotion.js';
import { hatchPath } from '../layout/hatch.js';
import { holeWordsWidth, labelPlaces, layoutTimeline } from '../layout/timeline.js';
import { measure } from '../layout/text.js';
import { TYPE } from '../layout/theme.js';
import type { Lane, SvgContext } from './context.js';
import { esc, icon, line, n, paragraph, rect, text } from './draw.js';

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
  const tl = layoutTimeline(ctx.view, ctx.columns);
  const axisY = 78;
  let svg = line(tl.x1, axisY, tl.x2, axisY, p.ink, 2);
  let bottom = axisY;
  const places = labelPlaces(tl.items, ctx.columns);
  for (const placed of tl.holes) {
    const { hole } = placed;
    const x1 = placed.x1 + 16;
    const x2 = placed.x2 - 16;
    if (x2 - x1 < 40) continue;
    let drawn = rect(x1, axisY - 7, x2 - x1, 14, p.paper);
    drawn += `<path d="${hatchPath(x1, axisY - 7, x2 - x1, 14)}" fill="none" stroke="${p.hatch}" stroke-width="1.5"/>`;
    drawn += rect(x1, axisY - 7, x2 - x1, 14, 'none', ` stroke="${p.hatch}"`);
    const label = paragraph(0, 0, hole.label, Math.max(x2 - x1, 150), { size: TYPE.label, fill: p.hatch, bold: true, caps: true, anchor: 'middle' }, 2);
    drawn += `<g transform="translate(${n((x1 + x2) / 2)} ${n(axisY - 14 - label.height)})">${label.svg}</g>`;
    // Under the bar, the period in the words `analyze` uses, where the campaigns' labels leave room.
    const room = holeWordsWidth(placed, tl, places);
    if (room) {
      const words = paragraph(0, 0, hole.words, room, { size: TYPE.label, fill: p.text, italic: true, anchor: 'middle' }, 3);
      drawn += `<g transform="translate(${n((x1 + x2) / 2)} ${axisY + 10})">${words.svg}</g>`;
      bottom = Math.max(bottom, axisY + 10 + words.height);
    }
    svg += `<g><title>${esc(hole.sentence)}</title>${drawn}</g>`;
  }
  const rowEnds = [-Infinity, -Infinity];
  for (const m of tl.milestones) {
    const label = m.milestone.label;
    const w = measure(label.toUpperCase(), TYPE.label, true) + label.length * 0.6 + 8;
    const row = m.x - 3 > rowEnds[0] ? 0 : 1;
    rowEnds[row] = m.x + w;
    const ly = 2 + row * 16;
    svg += line(m.x, ly, m.x, axisY + 24, p.ink, 1.5);
    svg += `<path d="M${n(m.x)} ${axisY - 6}l6 6-6 6-6-6z" fill="${p.ink}"/>`;
    svg += rect(m.x + 3, ly, w, 14, p.paper) + text(m.x + 6, ly + 11, label, { size: TYPE.label, fill: p.ink, bold: true, caps: true });
  }
  const blocks = tl.items.map((item, i) => {
    const o = item.outreach;
    const w = places[i].width;
    const name = paragraph(0, 0, `${o.ref} ${o.name}`, w, { size: TYPE.small, fill: p.ink, bold: true, anchor: 'middle' }, 3);
    const e = paragraph(0, name.height, o.detail, w, { size: TYPE.label, fill: p.muted, anchor: 'middle' }, 2);
    return { svg: name.svg + e.svg, height: name.height + e.height };
  });
  const secondRow = Math.max(0, ...blocks.filter((_, i) => places[i].row === 0).map((b) => b.height)) + 10;
  tl.items.forEach((item, i) => {
    const o = item.outreach;
    const whenBlock = paragraph(0, 0, o.when, Math.min(item.slot - 6, 200), { size: TYPE.small, fill: p.ink, bold: true, anchor: 'middle' }, 2);
    svg += `<g transform="translate(${n(item.x)} ${n(axisY - 16 - whenBlock.height)})">${whenBlock.svg}</g>`;
    svg += `<circle cx="${n(item.x)}" cy="${axisY}" r="12" fill="${p.paper}" stroke="${p.ink}" stroke-width="1.5"/>`;
    svg += icon(`icon-${o.channel.icon}`, item.x - 7, axisY - 7, 14, p.ink);
    const top = axisY + 16 + (places[i].row ? secondRow : 0);
    if (places[i].row) svg += line(item.x, axisY + 13, item.x, top + 1, p.faint, 1);
    svg += `<g transform="translate(${n(places[i].x)} ${n(top)})">${blocks[i].svg}</g>`;
    bottom = Math.max(bottom, top + blocks[i].height);
  });
  return { id: 'outreach', label: 'Outreach', hint: 'campaigns on a time axis, not to scale', height: bottom + 14, svg };
}

