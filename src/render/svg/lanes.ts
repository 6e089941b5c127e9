import { GRID } from '../layout/grid.js';
import { measure } from '../layout/text.js';
import { TYPE } from '../layout/theme.js';
import type { StageView } from '../view/types.js';
import { CARD_PAD, type Lane, type SvgContext } from './context.js';
import { esc, icon, n, paragraph, rect, text } from './draw.js';
import { severityMark } from './marks.js';

const LANE_PAD = 12;

/** Runs `cell` for every stage column and makes a lane as tall as the tallest cell. */
function perStage(ctx: SvgContext, id: string, label: string, hint: string, cell: (stage: StageView, x: number, w: number, k: number) => { svg: string; height: number }): Lane | undefined {
  let svg = '';
  let height = 0;
  for (const [k, stage] of ctx.view.stages.entries()) {
    const col = ctx.columns[k];
    const drawn = cell(stage, col.x + GRID.pad, col.width - 2 * GRID.pad, k);
    svg += drawn.svg;
    height = Math.max(height, drawn.height);
  }
  return height > 0 ? { id, label, hint, height: height + 2 * LANE_PAD, svg: `<g transform="translate(0 ${LANE_PAD})">${svg}</g>` } : undefined;
}

export function stagesLane(ctx: SvgContext): Lane {
  const p = ctx.palette;
  const lane = perStage(ctx, 'stages', 'Stages', 'what happens \u00b7 typical duration', (s, x, w) => {
    const first = s.number === 1;
    const head = 48;
    const notch = first ? 0 : 10;
    const chevron = `M${n(x - GRID.pad + 2)} 0H${n(x + w - 4)}L${n(x + w + 8)} ${head / 2}L${n(x + w - 4)} ${head}H${n(x - GRID.pad + 2)}L${n(x - GRID.pad + 2 + notch)} ${head / 2}Z`;
    let svg = `<path d="${chevron}" fill="${p.stageFill}"${p.stageFill === 'none' ? ` stroke="${p.ink}" stroke-width="1.5"` : ''}/>`;
    const num = String(s.number).padStart(2, '0');
    svg += text(x + notch + 4, head / 2 + 4, num, { size: TYPE.small, fill: p.stageText, bold: true });
    const name = paragraph(x + notch + 26, 0, s.name, w - notch - 40, { size: TYPE.stage, fill: p.stageText, bold: true, lineHeight: 18 }, 2);
    svg += `<g transform="translate(0 ${n((head - name.height) / 2 - 2)})">${name.svg}</g>`;
    let y = head + 10;
    if (s.duration) {
      svg += icon('ui-clock', x, y, 13, p.text);
      svg += text(x + 18, y + 10.5, s.duration, { size: TYPE.body, fill: p.ink, bold: true });
      y += 18;
    }
    if (s.description) {
      const d = paragraph(x, y, s.description, w, { size: TYPE.body, fill: p.text }, 6);
      svg += d.svg;
      y += d.height + 4;
    }
    if (s.goal) {
      svg += icon('ui-goal', x, y + 1, 13, p.opportunity);
      const g = paragraph(x + 18, y - 1, s.goal, w - 18, { size: TYPE.body, fill: p.ink, italic: true }, 3);
      svg += g.svg;
      y += g.height;
    }
    return { svg, height: y };
  });
  return lane!;
}

export function touchpointsLane(ctx: SvgContext): Lane | undefined {
  const p = ctx.palette;
  return perStage(ctx, 'touchpoints', 'Touchpoints', 'channel \u00b7 what happens \u00b7 who is involved', (stage, x, _w, k) => {
    const cols = ctx.columns[k].cardColumns;
    const cards = stage.touchpoints.map((t) => {
      const w = GRID.cardWidth;
      const inner = w - 2 * CARD_PAD - 34;
      let body = '';
      let y = CARD_PAD;
      body += paragraph(34 + CARD_PAD, y - 1, t.channel.name, inner - 22, { size: TYPE.label, fill: p.muted, bold: true, caps: true }, 1).svg;
      body += text(w - CARD_PAD, y + 9, t.ref, { size: TYPE.label, fill: p.ink, bold: true, anchor: 'end' });
      y += 14;
      const name = paragraph(34 + CARD_PAD, y, t.name, inner, { size: TYPE.body, fill: p.ink, bold: true }, 4);
      body += t.link ? `<a href="${esc(t.link)}">${name.svg}</a>` : name.svg;
      y += name.height + 2;
      const who = [t.personas.join(', '), t.actor].filter(Boolean).join(' \u00b7 ');
      if (who) {
        const meta = paragraph(34 + CARD_PAD, y, who, inner, { size: TYPE.small, fill: p.muted }, 2);
        body += meta.svg;
        y += meta.height;
      }
      if (t.timing) {
        const when = paragraph(34 + CARD_PAD + 14, y + 1, t.timing.words, inner - 14, { size: TYPE.small, fill: p.muted }, 1);
        body += icon('ui-clock', 34 + CARD_PAD, y + 3, 10.5, p.muted) + when.svg;
        y += when.height + 1;
      }
      if (t.gaps.length) {
        let tx = w - CARD_PAD;
        y += 4;
        for (const g of [...t.gaps].reverse()) {
          const tw = measure(g.ref, TYPE.label, true) + 24;
          tx -= tw;
          body += rect(tx, y, tw, 16, p.severityTint[g.severity], ` stroke="${p.severity[g.severity]}" rx="3"`);
          body += severityMark(g.severity, tx + 4, y + 2.5, 11, p);
          body += text(tx + 18, y + 12, g.ref, { size: TYPE.label, fill: p.ink, bold: true });
          tx -= 4;
        }
        y += 16;
      }
      const h = Math.max(y + CARD_PAD, 56);
      const worst = t.worst;
      const border = worst === 'critical' || worst === 'high' ? p.severity[worst] : p.cardBorder;
      const frame = rect(0, 0, w, h, p.card, ` stroke="${border}" rx="4"`) + rect(CARD_PAD, CARD_PAD, 26, 26, p.tint === 'none' ? p.paper : p.tint, ` rx="4"${p.tint === 'none' ? ` stroke="${p.faint}"` : ''}`) + icon(`icon-${t.channel.icon}`, CARD_PAD + 5, CARD_PAD + 5, 16, p.text);
      return { svg: frame + body, h };
    });
    let svg = '';
    let y = 0;
    for (let row = 0; row * cols < cards.length; row++) {
      const inRow = cards.slice(row * cols, row * cols + cols);
      inRow.forEach((c, i) => {
        svg += `<g transform="translate(${n(x + i * (GRID.cardWidth + GRID.pad))} ${n(y)})">${c.svg}</g>`;
      });
      y += Math.max(...inRow.map((c) => c.h)) + GRID.pad;
    }
    return { svg, height: Math.max(0, y - GRID.pad) };
  });
}

/** Quotes or pain points of a stage and its touchpoints, each tagged with the touchpoint it belongs to. */
function listLane(ctx: SvgContext, id: string, label: string, hint: string, pick: (s: StageView) => StageView['thoughts'], quote: boolean): Lane | undefined {
  const p = ctx.palette;
  return perStage(ctx, id, label, hint, (stage, x, w) => {
    let svg = '';
    let y = 0;
    for (const item of pick(stage)) {
      if (quote) svg += text(x, y + 17, '\u201c', { size: 22, fill: p.faint, bold: true });
      else svg += icon('ui-pain', x + 1, y + 1.5, 12, p.severity.critical);
      const body = paragraph(x + 16, y, item.text, w - 16 - (item.ref ? 26 : 0), { size: TYPE.body, fill: quote ? p.ink : p.text, italic: quote }, 4);
      svg += body.svg;
      if (item.ref) svg += text(x + w, y + TYPE.body, item.ref, { size: TYPE.label, fill: p.muted, bold: true, anchor: 'end' });
      y += body.height + 8;
    }
    return { svg, height: Math.max(0, y - 8) };
  });
}

export const thoughtsLane = (ctx: SvgContext) => listLane(ctx, 'thoughts', 'Thoughts', 'in the person\u2019s own words', (s) => s.thoughts, true);
export const painPointsLane = (ctx: SvgContext) => listLane(ctx, 'pain-points', 'Pain points', 'what goes wrong', (s) => s.painPoints, false);

export function gapsLane(ctx: SvgContext): Lane | undefined {
  const p = ctx.palette;
  return perStage(ctx, 'gaps', 'Gaps', 'by severity, pinned to touchpoints', (stage, x, w) => {
    let svg = '';
    let y = 0;
    for (const g of stage.gaps) {
      const colour = p.severity[g.severity];
      let body = severityMark(g.severity, 12, 10, 13, p);
      body += text(31, 21, g.severityWord, { size: TYPE.label, fill: colour, bold: true, caps: true });
      const at = g.at.length ? `${g.ref} \u00b7 at ${g.at.join(', ')}` : g.ref;
      body += text(w - 10, 21, at, { size: TYPE.label, fill: p.ink, bold: true, anchor: 'end' });
      let cy = 28;
      const title = paragraph(12, cy, g.title, w - 22, { size: TYPE.body, fill: p.ink, bold: true }, 3);
      body += title.svg;
      cy += title.height + 2;
      if (g.description) {
        const d = paragraph(12, cy, g.description, w - 22, { size: TYPE.small, fill: p.text }, 4);
        body += d.svg;
        cy += d.height + 2;
      }
      const status = [g.status, g.owner].filter(Boolean).join(' \u00b7 ');
      const s = paragraph(12, cy, status, w - 22, { size: TYPE.label, fill: p.muted }, 1);
      body += s.svg;
      cy += s.height + 10;
      svg += `<g transform="translate(${n(x)} ${n(y)})">${rect(0, 0, w, cy, p.severityTint[g.severity], ` stroke="${colour}" rx="4"`)}${rect(0, 0, 4, cy, colour, ' rx="2"')}${body}</g>`;
      y += cy + GRID.pad;
    }
    return { svg, height: Math.max(0, y - GRID.pad) };
  });
}

export function opportunitiesLane(ctx: SvgContext): Lane | undefined {
  const p = ctx.palette;
  return perStage(ctx, 'opportunities', 'Opportunities', 'one fix per gap', (stage, x, w) => {
    let svg = '';
    let y = 0;
    for (const o of stage.opportunities) {
      let body = icon('ui-bulb', 11, 9, 14, p.opportunity);
      body += text(30, 20, o.ref, { size: TYPE.small, fill: p.opportunity, bold: true });
      body += text(30 + measure(o.ref, TYPE.small, true) + 5, 20, `fixes ${o.gapRef}`, { size: TYPE.label, fill: p.muted });
      const rating = [o.impact && `Impact ${o.impact}`, o.effort && `Effort ${o.effort}`].filter(Boolean).join(' \u00b7 ');
      const headWidth = 30 + measure(`${o.ref} fixes ${o.gapRef}`, TYPE.small, true) + 12;
      let top = 26;
      if (rating && headWidth + measure(rating, TYPE.label) <= w - 10) body += text(w - 10, 20, rating, { size: TYPE.label, fill: p.muted, anchor: 'end' });
      else if (rating) {
        body += text(30, 34, rating, { size: TYPE.label, fill: p.muted });
        top += 14;
      }
      const t = paragraph(12, top, o.text, w - 22, { size: TYPE.body, fill: p.ink }, 5);
      body += t.svg;
      const h = top + t.height + 10;
      svg += `<g transform="translate(${n(x)} ${n(y)})">${rect(0, 0, w, h, p.card, ` stroke="${p.cardBorder}" rx="4"`)}${rect(0, 0, 4, h, p.opportunity, ' rx="2"')}${body}</g>`;
      y += h + GRID.pad;
    }
    return { svg, height: Math.max(0, y - GRID.pad) };
  });
}

export function metricsLane(ctx: SvgContext): Lane | undefined {
  const p = ctx.palette;
  return perStage(ctx, 'metrics', 'Metrics', 'current value \u00b7 target', (stage, x, w) => {
    const metrics = stage.metrics;
    const per = Math.max(2, Math.floor(w / 104));
    const cw = (w - (per - 1) * 12) / per;
    let svg = '';
    let y = 0;
    for (let row = 0; row * per < metrics.length; row++) {
      let rowH = 0;
      metrics.slice(row * per, row * per + per).forEach((metric, i) => {
        const cx = x + i * (cw + 12);
        const value = metric.value;
        const size = measure(value, TYPE.figure, true) <= cw ? TYPE.figure : 14;
        const v = paragraph(cx, y - 2, value, cw, { size, fill: p.ink, bold: true }, 2);
        let cy = y + v.height;
        const name = paragraph(cx, cy, metric.ref ? `${metric.ref} \u00b7 ${metric.name}` : metric.name, cw, { size: TYPE.small, fill: p.text }, 3);
        cy += name.height;
        let cell = v.svg + name.svg;
        if (metric.target) {
          const t = paragraph(cx, cy, metric.target, cw, { size: TYPE.label, fill: p.muted }, 2);
          cell += t.svg;
          cy += t.height;
        }
        svg += metric.source ? `<g><title>Source: ${esc(metric.source)}</title>${cell}</g>` : cell;
        rowH = Math.max(rowH, cy - y);
      });
      y += rowH + 12;
    }
    return { svg, height: Math.max(0, y - 12) };
  });
}
