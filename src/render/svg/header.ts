import { channelIcons } from '../layout/icons.js';
import { measure } from '../layout/text.js';
import { TYPE } from '../layout/theme.js';
import type { SvgContext } from './context.js';
import { icon, line, n, paragraph, rect, text } from './draw.js';
import { severityMark } from './marks.js';

const LEGEND_CHANNEL_COL = 124;

function legend(ctx: SvgContext, x: number, y: number): { svg: string; width: number; height: number } {
  const p = ctx.palette;
  let svg = '';
  const { channels, severities, emotions, outreach } = ctx.view.legend;
  const rows = Math.min(channels.length, 3) || 1;
  const cols = Math.ceil(channels.length / rows);
  svg += text(x, y + 10, 'Channels', { size: TYPE.label, fill: p.muted, bold: true, caps: true });
  channels.forEach((c, i) => {
    const cx = x + Math.floor(i / rows) * LEGEND_CHANNEL_COL;
    const cy = y + 20 + (i % rows) * 20;
    svg += icon(`icon-${c.icon}`, cx, cy + 1, 14, p.text);
    svg += paragraph(cx + 20, cy + 1, c.name, LEGEND_CHANNEL_COL - 24, { size: TYPE.small, fill: p.ink }, 1).svg;
  });
  let lx = x + Math.max(cols, 1) * LEGEND_CHANNEL_COL + 16;
  svg += line(lx - 16, y, lx - 16, y + 76, p.rule);
  if (severities.length) {
    svg += text(lx, y + 10, 'Gap severity', { size: TYPE.label, fill: p.muted, bold: true, caps: true });
    severities.forEach((s, i) => {
      const cx = lx + (i % 2) * 76;
      const cy = y + 20 + Math.floor(i / 2) * 20;
      svg += severityMark(s.severity, cx, cy + 1, 14, p);
      svg += text(cx + 19, cy + 12, s.word, { size: TYPE.small, fill: p.ink });
    });
    lx += 168;
    svg += line(lx - 16, y, lx - 16, y + 76, p.rule);
  }
  if (emotions.length) {
    svg += text(lx, y + 10, 'Emotion scale', { size: TYPE.label, fill: p.muted, bold: true, caps: true });
    svg += line(lx + 6, y + 28, lx + 6 + 4 * 36, y + 28, p.faint, 1.5);
    emotions.forEach((e, i) => {
      const cx = lx + 6 + i * 36;
      svg += `<circle cx="${n(cx)}" cy="${n(y + 28)}" r="5" fill="${p.emotion[e.value + 2]}" stroke="${p.paper}" stroke-width="1.5"/>`;
      svg += text(cx, y + 48, e.label, { size: TYPE.small, fill: p.ink, bold: true, anchor: 'middle' });
    });
    svg += text(lx, y + 64, emotions[0].word, { size: TYPE.label, fill: p.muted });
    svg += text(lx + 12 + 4 * 36, y + 64, emotions[emotions.length - 1].word, { size: TYPE.label, fill: p.muted, anchor: 'end' });
    lx += 164;
  }
  if (outreach.length) {
    // The groups before end with their own rule, except the emotion scale, whose labels reach its edge.
    if (emotions.length) {
      svg += line(lx, y, lx, y + 76, p.rule);
      lx += 16;
    }
    svg += text(lx, y + 10, 'Outreach', { size: TYPE.label, fill: p.muted, bold: true, caps: true });
    outreach.forEach((o, i) => {
      const cy = y + 28 + i * 20;
      const ring = o.look === 'stopped' ? p.faint : p.ink;
      svg += `<circle cx="${n(lx + 7)}" cy="${n(cy)}" r="6.5" fill="${p.paper}" stroke="${ring}" stroke-width="1.5"${o.look === 'proposed' ? ' stroke-dasharray="3 2.5"' : ''}/>`;
      if (o.look === 'stopped') svg += line(lx + 2, cy + 5, lx + 12, cy - 5, p.muted, 1.5);
      svg += text(lx + 19, cy + 4, o.word, { size: TYPE.small, fill: o.look === 'stopped' ? p.muted : p.ink });
    });
    lx += Math.max(measure('OUTREACH', TYPE.label, true) + 8 * 0.6, 19 + Math.max(...outreach.map((o) => measure(o.word, TYPE.small))));
  }
  return { svg, width: lx - x, height: 80 };
}

/** Title block, facts row and legend; returns the height used from `y`. */
export function drawHeader(ctx: SvgContext, y: number): { svg: string; height: number } {
  const p = ctx.palette;
  const view = ctx.view;
  const x = ctx.margin;
  const right = ctx.width - ctx.margin;
  let svg = '';
  const heading = view.heading;
  svg += text(x, y + 10, heading, { size: TYPE.label, fill: p.muted, bold: true, caps: true });
  const pillX = x + measure(heading.toUpperCase(), TYPE.label, true) + heading.length * 0.6 + 12;
  const pillW = 98;
  svg += rect(pillX, y - 2, pillW * 2, 18, p.paper, ` stroke="${p.ink}" stroke-width="1" rx="3"`);
  ['current', 'future'].forEach((s, i) => {
    const on = s === view.state;
    if (on) svg += rect(pillX + i * pillW, y - 2, pillW, 18, p.stageFill === 'none' ? p.ink : p.stageFill, ' rx="3"');
    svg += text(pillX + i * pillW + pillW / 2, y + 11, `${s} state`, { size: TYPE.label, fill: on ? p.paper : p.muted, bold: on, caps: true, anchor: 'middle' });
  });

  const leg = legend(ctx, 0, 0);
  const titleRoom = right - x - (leg.width + 40);
  const legendBeside = titleRoom >= 520;
  const room = legendBeside ? titleRoom : right - x;
  const title = paragraph(x, y + 20, view.title, room, { size: TYPE.title, fill: p.ink, bold: true }, 2);
  svg += title.svg;
  let ty = y + 20 + title.height;
  if (view.subtitle) {
    const lastWidth = measure(title.lines[title.lines.length - 1] ?? '', TYPE.title, true);
    if (lastWidth + 16 + measure(view.subtitle, TYPE.subtitle) <= room) {
      const baseline = y + 20 + TYPE.title + (title.lines.length - 1) * Math.round(TYPE.title * 1.3 * 10) / 10;
      svg += text(x + lastWidth + 16, baseline, view.subtitle, { size: TYPE.subtitle, fill: p.muted });
    } else {
      const sub = paragraph(x, ty, view.subtitle, room, { size: TYPE.subtitle, fill: p.muted }, 2);
      svg += sub.svg;
      ty += sub.height;
    }
  }
  ty += 12;
  let fx = x;
  const facts = view.facts;
  for (const fact of facts) {
    const w = Math.min(fact.wide ? 420 : 240, Math.max(90, measure(fact.value, TYPE.body) + 8));
    if (fx + w > x + room && fx > x) break;
    svg += text(fx, ty + 10, fact.label, { size: TYPE.label, fill: p.muted, bold: true, caps: true });
    svg += paragraph(fx, ty + 14, fact.value, w, { size: TYPE.body, fill: p.ink }, 2).svg;
    fx += w + 16;
    svg += line(fx - 8, ty, fx - 8, ty + 36, p.rule);
  }
  if (facts.length) ty += 44;
  let height = ty - y;
  if (legendBeside) {
    const placed = legend(ctx, right - leg.width + 8, y + 4);
    svg += placed.svg;
    height = Math.max(height, placed.height + 8);
  } else {
    svg += legend(ctx, x, y + height).svg;
    height += leg.height + 8;
  }
  svg += line(x, y + height, right, y + height, p.ink, 2);
  return { svg, height: height + 16 };
}

/** Sources, reading key and confidentiality, under the grid. */
export function drawFooter(ctx: SvgContext, y: number): { svg: string; height: number } {
  const p = ctx.palette;
  const { footer } = ctx.view;
  const x = ctx.margin;
  const right = ctx.width - ctx.margin;
  let svg = line(x, y, right, y, p.rule);
  const key = 'T touchpoint \u00b7 G gap \u00b7 O opportunity \u00b7 C outreach';
  const tail = [footer.owner, footer.confidentiality].filter(Boolean).join(' \u00b7 ');
  const keyW = measure(key, TYPE.label) + 24;
  const tailW = Math.min(360, measure(tail, TYPE.label) + 8);
  const sources = footer.sources.length ? `Sources: ${footer.sources.join(' \u00b7 ')}` : '';
  const src = paragraph(x, y + 8, sources, Math.max(200, right - x - keyW - tailW - 32), { size: TYPE.label, fill: p.muted }, 4);
  svg += src.svg;
  svg += text(right - tailW - keyW, y + 18, key, { size: TYPE.label, fill: p.muted });
  const t = paragraph(right - tailW, y + 8, tail, tailW, { size: TYPE.label, fill: p.muted, anchor: 'start' }, 3);
  svg += t.svg;
  return { svg, height: Math.max(src.height, t.height, 14) + 16 };
}

export const usedIconIds = (ctx: SvgContext): string[] => [...new Set(ctx.view.legend.channels.map((c) => c.icon))].filter((id) => id in channelIcons);
