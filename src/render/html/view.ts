import { buildJourney, SEVERITIES, stageMetrics, type JourneyModel, type TouchpointModel } from '../../model/journey.js';
import type { JourneyMap } from '../../types/journeymap.js';
import { EMOTION_WORDS, hasEmotion, layoutEmotion, lowestPointWords } from '../layout/emotion.js';
import { GRID, layoutColumns, touchpointXs, type Column } from '../layout/grid.js';
import { channelIcons, severityShapes, uiIcons } from '../layout/icons.js';
import { describeMap } from '../layout/summary.js';
import { palettes, TYPE, type Palette } from '../layout/theme.js';
import { hatchPath } from '../layout/hatch.js';
import { wrap } from '../layout/text.js';
import { durationWords, labelPlaces, layoutTimeline } from '../layout/timeline.js';
import { headerFacts, kindHeading, levelWord, metricTarget, prettyValue, safeLink, severityWord, STATUS_WORDS } from '../layout/words.js';
import type { RenderOptions } from '../options.js';
import { chevronPoints, limitForPrint, printPersona, sheetWords } from './density.js';
import { numberAsWhole } from '../../model/numbering.js';

/** Length of text once HTML-escaped, as validators and tab titles count it. */
const escapedLength = (s: string) => s.length + [...s].reduce((n, c) => n + ({ '&': 4, '<': 3, '>': 3, '"': 5, "'": 5, '`': 5, '=': 5 }[c] ?? 0), 0);

/** Browser tabs and bookmarks show about 70 characters; cut at a word and mark the cut. */
function shortTitle(title: string): string {
  if (escapedLength(title) <= 70) return title;
  let cut = title;
  while (escapedLength(cut) > 69) cut = cut.slice(0, cut.lastIndexOf(' ') > 20 ? cut.lastIndexOf(' ') : cut.length - 1);
  return `${cut.replace(/[\s,;:\u2014-]+$/, '')}\u2026`;
}

const r = (v: number) => Math.round(v * 10) / 10;

const severityView = (s: (typeof SEVERITIES)[number], palette: Palette) => ({ key: s, word: severityWord(s), colour: palette.severity[s], ...severityShapes[s] });

function gapTag(g: TouchpointModel['gaps'][number], palette: Palette) {
  return { ref: g.ref, severity: severityView(g.severity, palette) };
}

function emotionView(model: JourneyModel, columns: Column[], palette: Palette, step: number) {
  if (!hasEmotion(model)) return undefined;
  const left = columns[0].x;
  const xs = touchpointXs(model, columns);
  const chart = layoutEmotion(model, xs, palette, 34, step);
  const width = columns[columns.length - 1].x + columns[columns.length - 1].width - left;
  const lowest = chart.lowest && {
    x: r(chart.lowest.x),
    y: r(chart.lowest.y!),
    leaderTop: 30,
    leaderBottom: r(chart.lowest.y! - 11),
    anchor: chart.lowest.x + 95 > width ? 'end' : chart.lowest.x - 95 < 0 ? 'start' : 'middle',
    textX: r(chart.lowest.x + 95 > width ? chart.lowest.x - 14 : chart.lowest.x - 95 < 0 ? chart.lowest.x + 14 : chart.lowest.x),
    label: `Lowest point \u00b7 ${chart.lowest.touchpoint.ref}`,
    name: wrap(lowestPointWords(chart.lowest), 190, TYPE.label, { maxLines: 1 }).lines[0],
    colour: palette.emotion[0],
  };
  return {
    width: r(width),
    height: r(chart.bottom + 34),
    zeroY: r(chart.zeroY),
    bottom: r(chart.bottom),
    top: chart.top,
    labelY: r(chart.bottom + 22),
    levels: chart.levels.map((l) => ({ ...l, y: r(l.y), textY: r(l.y + 3.5), zero: l.value === 0 })),
    segments: chart.segments,
    showAreas: palette.positiveArea !== 'none',
    stops: [4, 3, 2, 1, 0].map((e, i) => ({ offset: i / 4, colour: palette.emotion[e] })),
    points: chart.points.map((p) => ({
      ref: p.touchpoint.ref,
      x: r(p.x),
      y: p.y === undefined ? undefined : r(p.y),
      hasValue: p.y !== undefined,
      colour: p.colour,
      lowest: p === chart.lowest,
      labelled: p.labelled,
      title: p.emotion === undefined ? `${p.touchpoint.ref} ${p.touchpoint.source.name}: no emotion recorded` : `${p.touchpoint.ref} ${p.touchpoint.source.name}: emotion ${p.emotion > 0 ? '+' : ''}${p.emotion} (${EMOTION_WORDS[p.emotion + 2]})`,
    })),
    lowest,
  };
}

function outreachView(model: JourneyModel, columns: Column[], palette: Palette) {
  if (!model.outreach.length) return undefined;
  const left = columns[0].x;
  const shifted = columns.map((c) => ({ ...c, x: c.x - left }));
  const tl = layoutTimeline(model, shifted);
  const axisY = 78;
  const places = labelPlaces(tl.items, shifted);
  const labels = tl.items.map((item, i) => {
    const o = item.outreach;
    const w = places[i].width;
    const name = wrap(`${o.ref} ${o.source.name}`, w, TYPE.small, { bold: true, maxLines: 3 }).lines;
    const metric = o.source.metrics?.[0];
    const extra = wrap([o.channel.name, metric && `${metric.value} ${metric.name.toLowerCase()}`].filter(Boolean).join(' \u00b7 '), w, TYPE.label, { maxLines: 2 }).lines;
    return { name, extra, height: 4 + name.length * 13.7 + extra.length * 13 };
  });
  const secondRow = Math.max(0, ...labels.filter((_, i) => places[i].row === 0).map((l) => l.height)) + 10;
  const items = tl.items.map((item, i) => {
    const o = item.outreach;
    const when = wrap(o.timing ? o.timing.short : 'no timing', Math.min(item.slot - 6, 200), TYPE.small, { bold: true, maxLines: 2 }).lines;
    const { name, extra } = labels[i];
    const nameTop = axisY + 16 + (places[i].row ? secondRow : 0);
    return {
      x: r(item.x),
      icon: `icon-${o.channel.icon}`,
      iconX: r(item.x - 7),
      title: [o.source.name, o.timing?.words, o.source.audience && `Audience: ${o.source.audience}`, o.source.consent && `Consent: ${o.source.consent.replace(/-/g, ' ')}`].filter(Boolean).join('. '),
      when: when.map((text, k) => ({ text, y: r(axisY - 16 - (when.length - 1 - k) * 13.5) })),
      labelX: r(places[i].x),
      leader: places[i].row ? { from: axisY + 13, to: r(nameTop + 1) } : undefined,
      name: name.map((text, k) => ({ text, y: r(nameTop + TYPE.small + k * 13.7) })),
      extra: extra.map((text, k) => ({ text, y: r(nameTop + 4 + name.length * 13.7 + TYPE.label + k * 13) })),
      bottom: nameTop + labels[i].height,
    };
  });
  const rowEnds = [-Infinity, -Infinity];
  const milestones = tl.milestones.map((m) => {
    const label = (m.day === 0 ? `Day 0 \u00b7 ${m.name}` : `${m.name} \u00b7 ${m.day > 0 ? '+' : '\u2212'}${durationWords(Math.abs(m.day)).replace(' days', ' d').replace(' weeks', ' wk')}`).toUpperCase();
    const row = m.x - 3 > rowEnds[0] ? 0 : 1;
    rowEnds[row] = m.x + label.length * 7.2;
    const y = 2 + row * 16;
    return { x: r(m.x), label, top: y, textY: y + 11, textX: r(m.x + 6), diamond: `M${r(m.x)} ${axisY - 6}l6 6-6 6-6-6z` };
  });
  const holes = tl.holes.filter((h) => h.x2 - h.x1 - 32 >= 40).map((h) => ({
    x: r(h.x1 + 16),
    width: r(h.x2 - h.x1 - 32),
    mid: r((h.x1 + h.x2) / 2),
    hatch: hatchPath(h.x1 + 16, 71, h.x2 - h.x1 - 32, 14),
    label: `Contact hole \u00b7 ${durationWords(h.days)}${h.gap ? ` \u00b7 ${h.gap.ref}` : ''}`.toUpperCase(),
  }));
  const bottom = Math.max(axisY + 20, ...items.map((i) => i.bottom));
  return { width: r(columns[columns.length - 1].x + columns[columns.length - 1].width - left), height: r(bottom + 14), axisY, x1: r(tl.x1), x2: r(tl.x2), items, milestones, holes, hatch: palette.hatch };
}

/**
 * The view model: everything a template may show, computed and wrapped, so templates only place values.
 * Documented for `--templates` authors in docs/templates.md; changing a field's meaning is a breaking change.
 */
/**
 * The page around the grid, as the built-in stylesheet draws it on screen: side padding and body text
 * size. Printing plans its sheets from these and the grid's width instead of laying the page out.
 */
export const PAGE = { paddingX: 40, bodyFontPx: 11.5 } as const;

export function buildView(map: JourneyMap, options: RenderOptions) {
  const part = options.printPart;
  // A sheet of a split print is numbered, tinted and counted as on the whole map.
  const model = part ? numberAsWhole(buildJourney(map), buildJourney(part.whole)) : buildJourney(map);
  const offset = part?.firstStage ?? 0;
  const print = options.density === 'print';
  const themeName = options.theme ?? 'default';
  const palette = palettes[themeName];
  const columns = layoutColumns(model, 0);
  const gridWidth = GRID.gutter + columns.reduce((w, c) => w + c.width, 0);
  const stages = model.stages;
  const tinted = (index: number) => (index + offset) % 2 === 1;
  const cell = <T>(pick: (s: (typeof stages)[number]) => T[]) => stages.map((s) => ({ tinted: tinted(s.index), cardColumns: columns[s.index].cardColumns, items: pick(s) }));
  const any = (cells: { items: unknown[] }[]) => (cells.some((c) => c.items.length) ? { cells } : undefined);
  const limitedForPrint = <C extends { items: unknown[] }>(cells: C[], key: 'thoughts' | 'painPoints' | 'metrics') => (print ? cells.map((c) => limitForPrint(c, key)) : cells);
  const listItems = (key: 'thoughts' | 'painPoints') => {
    const cells = cell((s) => [
      ...(s.source[key] ?? []).map((text) => ({ text, ref: '' })),
      ...s.touchpoints.flatMap((t) => (t.source[key] ?? []).map((text) => ({ text, ref: t.ref }))),
    ]);
    return limitedForPrint(cells, key);
  };

  const touchpoints = cell((s) => s.touchpoints.map((t) => {
    const worst = t.gaps.map((g) => g.severity).sort((a, b) => SEVERITIES.indexOf(a) - SEVERITIES.indexOf(b))[0];
    return {
      ref: t.ref,
      id: t.source.id,
      name: t.source.name,
      // On paper a card keeps what identifies it; the full description stays in the HTML.
      description: print ? undefined : t.source.description,
      channel: { name: t.channel.name, icon: `icon-${t.channel.icon}` },
      actor: t.source.actor,
      owner: t.source.owner,
      personas: t.personas.map((p) => p.name),
      timing: t.timing?.words,
      link: safeLink(t.source.link),
      emotion: t.source.emotion === undefined ? undefined : { value: t.source.emotion > 0 ? `+${t.source.emotion}` : String(t.source.emotion).replace('-', '\u2212'), word: EMOTION_WORDS[t.source.emotion + 2] },
      gaps: t.gaps.map((g) => gapTag(g, palette)),
      flagged: worst === 'critical' || worst === 'high' ? worst : undefined,
    };
  }));

  return {
    theme: themeName,
    palette,
    documentTitle: shortTitle(map.subtitle ? `${map.title} \u2014 ${map.subtitle}` : map.title),
    summary: describeMap(model),
    heading: kindHeading(map),
    title: map.title,
    subtitle: map.subtitle,
    description: map.description,
    state: { current: (map.state ?? 'current') === 'current', future: map.state === 'future' },
    // The personas get their own block below the facts.
    facts: headerFacts(model).filter((f) => !f.label.startsWith('Persona')),
    personas: model.personas.map((p) => (print ? printPersona(p) : { name: p.name, age: p.age, description: p.description, quote: p.quote, goals: p.goals ?? [] })),
    print,
    sheet: part && sheetWords(part, stages.length),
    legend: {
      channels: model.channels.map((c) => ({ name: c.name, icon: `icon-${c.icon}` })),
      severities: model.gaps.length ? SEVERITIES.map((s) => severityView(s, palette)) : [],
      emotions: hasEmotion(model) ? [-2, -1, 0, 1, 2].map((e) => ({ label: e > 0 ? `+${e}` : e < 0 ? `\u2212${-e}` : '0', colour: palette.emotion[e + 2], word: EMOTION_WORDS[e + 2] })) : [],
    },
    icons: [
      ...[...new Set(model.channels.map((c) => c.icon))].map((id) => ({ id: `icon-${id}`, d: channelIcons[id] })),
      ...Object.entries(uiIcons).map(([id, d]) => ({ id: `ui-${id}`, d })),
    ],
    page: PAGE,
    grid: { gutter: GRID.gutter, width: gridWidth, gutterPercent: r((GRID.gutter / gridWidth) * 100), stageCount: stages.length },
    columns: stages.map((s) => ({
      index: s.index,
      width: columns[s.index].width,
      percent: r((columns[s.index].width / gridWidth) * 100),
      cardColumns: columns[s.index].cardColumns,
      number: String(s.index + offset + 1).padStart(2, '0'),
      id: s.source.id,
      name: s.source.name,
      description: s.source.description,
      goal: s.source.goal,
      duration: s.source.duration,
      tinted: tinted(s.index),
      first: s.index + offset === 0,
      chevronWidth: columns[s.index].width - 4,
      chevron: print ? chevronPoints(columns[s.index].width, s.index + offset === 0) : undefined,
    })),
    lanes: {
      touchpoints: any(touchpoints),
      // On paper a flatter curve: its levels stay 16 px apart, still clear at 7 pt labels.
      emotion: emotionView(model, columns, palette, print ? 16 : 22),
      thoughts: any(listItems('thoughts')),
      painPoints: any(listItems('painPoints')),
      gaps: any(cell((s) => s.gaps.map((g) => ({
        ref: g.ref,
        title: g.source.title,
        description: g.source.description,
        severity: severityView(g.severity, palette),
        at: g.touchpoints.map((t) => t.ref).join(', '),
        status: STATUS_WORDS[g.source.status ?? 'open'],
        owner: g.source.owner,
      })))),
      opportunities: any(cell((s) => s.opportunities.map((o) => ({
        ref: o.ref,
        gapRef: o.gap.ref,
        text: o.text,
        impact: o.gap.source.impact && levelWord(o.gap.source.impact),
        effort: o.gap.source.effort && levelWord(o.gap.source.effort),
      })))),
      outreach: outreachView(model, columns, palette),
      metrics: any(limitedForPrint(cell((s) => stageMetrics(s).map(({ metric, touchpoint }) => ({
        value: prettyValue(metric.value),
        name: metric.name,
        ref: touchpoint?.ref,
        target: metricTarget(metric),
        source: metric.source,
      }))), 'metrics')),
    },
    footer: {
      sources: map.sources ?? [],
      owner: map.owner,
      confidentiality: map.confidentiality,
      tags: map.tags ?? [],
    },
  };
}

export type HtmlView = ReturnType<typeof buildView>;
