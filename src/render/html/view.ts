import type { Severity } from '../../model/types.js';
import { layoutEmotion } from '../layout/emotion.js';
import { GRID, gridWidth, layoutColumns, touchpointXs, type Column } from '../layout/grid.js';
import { channelIcons, severityShapes, uiIcons } from '../layout/icons.js';
import { palettes, TYPE, type Palette } from '../layout/theme.js';
import { hatchPath } from '../layout/hatch.js';
import { measure, wrap } from '../layout/text.js';
import { layoutOutreachRows } from '../layout/outreach-rows.js';
import { OUTREACH_HINT, type Label, type Timeline } from '../layout/timeline.js';
import type { RenderOptions } from '../options.js';
import type { MapView } from '../view/types.js';
import { chevronPoints, limitForPrint, printPersona } from './density.js';
import { printNotes } from './print-notes.js';

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

/** The narrowest a metric's cell gets in the metrics grid (its `minmax(96px, 1fr)`). */
const METRIC_CELL_PX = 96;

const severityView = (s: Severity, word: string, palette: Palette) => ({ key: s, word, colour: palette.severity[s], ...severityShapes[s] });

function emotionView(view: MapView, columns: Column[], palette: Palette, step: number) {
  if (!view.legend.emotions.length) return undefined;
  const left = columns[0].x;
  const xs = touchpointXs(view.stages, columns);
  // The lowest point's words are never cut: each line past the first moves the curve down a line.
  const voice = view.touchpoints.find((t) => t.ref === view.lowest)?.voice;
  const voiceLines = voice ? wrap(voice, 220, TYPE.label).lines : [];
  const extra = Math.max(0, voiceLines.length - 1) * 13;
  const chart = layoutEmotion(view.touchpoints, xs, view.lowest, palette, 34 + extra, step);
  const width = columns[columns.length - 1].x + columns[columns.length - 1].width - left;
  const lowest = chart.lowest && {
    x: r(chart.lowest.x),
    y: r(chart.lowest.y!),
    leaderTop: 30 + extra,
    leaderBottom: r(chart.lowest.y! - 11),
    anchor: chart.lowest.x + 110 > width ? 'end' : chart.lowest.x - 110 < 0 ? 'start' : 'middle',
    textX: r(chart.lowest.x + 110 > width ? chart.lowest.x - 14 : chart.lowest.x - 110 < 0 ? chart.lowest.x + 14 : chart.lowest.x),
    label: `Lowest point \u00b7 ${chart.lowest.touchpoint.ref}`,
    name: voiceLines.map((text, k) => ({ text, y: 23 + k * 13 })),
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
      title: p.emotion === undefined ? `${p.touchpoint.ref} ${p.touchpoint.name}: no emotion recorded` : `${p.touchpoint.ref} ${p.touchpoint.name}: emotion ${p.emotion > 0 ? '+' : ''}${p.emotion} (${p.touchpoint.emotion!.word})`,
    })),
    lowest,
  };
}

/** One row of the outreach chart, its coordinates from the row's timeline's top. */
function timelineView(tl: Timeline) {
  const axisY = tl.axisY;
  const label = (l: Label | undefined) => l && { anchor: l.anchor, rows: l.rows.map((row) => ({ text: row.text, kind: row.kind, x: r(l.x), y: r(row.y) })) };
  return {
    axisY,
    axes: tl.axes.map((a) => ({ x1: r(a.x1), x2: r(a.x2), empty: a.empty, ticks: a.ticks.map(label) })),
    items: tl.items.map((item) => ({
      x: r(item.x),
      icon: `icon-${item.outreach.channel.icon}`,
      iconX: r(item.x - 7),
      iconY: axisY - 7,
      title: item.outreach.title,
      status: item.outreach.statusId,
      muted: item.outreach.statusId === 'paused' || item.outreach.statusId === 'retired',
      mark: `M${r(item.x - 9)} ${axisY + 9}L${r(item.x + 9)} ${axisY - 9}`,
      leaders: item.leaders.map((l) => ({ y1: r(l.y1), y2: r(l.y2) })),
      when: label(item.when),
      label: label(item.label),
    })),
    // `bottom`: the axis, or the row's foot where the line runs on into the next row.
    milestones: tl.milestones.map((m) => ({ x: r(m.x), top: r(m.top), bottom: m.bottom === undefined ? axisY : r(m.bottom), title: m.milestone.label, diamond: `M${r(m.x)} ${axisY - 6}l6 6-6 6-6-6z`, label: label(m.label) })),
    holes: tl.holes.map((h) => ({
      x: r(h.x1),
      y: axisY - 7,
      width: r(h.x2 - h.x1),
      hatch: hatchPath(h.x1, axisY - 7, h.x2 - h.x1, 14),
      title: h.hole.sentence,
      label: label(h.label),
      words: label(h.words),
    })),
  };
}

function outreachView(view: MapView, columns: Column[], palette: Palette) {
  if (!view.outreach.length) return undefined;
  const left = columns[0].x;
  const laid = layoutOutreachRows(view, columns.map((c) => ({ ...c, x: c.x - left })));
  const width = r(columns[columns.length - 1].x + columns[columns.length - 1].width - left);
  // A row each for a map with segments, its name in a band at its top; a map without has one, unnamed.
  const rows = laid.rows.map((row, k) => ({
    ...timelineView(row.timeline),
    name: row.name && { text: row.name.text, x: r(row.name.x), y: r(row.y + row.name.y) },
    segment: row.row.segment?.id,
    ruleY: k > 0 ? r(row.y) : undefined,
    timelineY: r(row.timelineY),
  }));
  const segmented = rows.length > 1 || rows[0].name !== undefined;
  return {
    width,
    height: r(laid.height),
    hint: OUTREACH_HINT,
    ariaLabel: `Outreach in each stage on its own time scale: ${view.outreach.length} campaigns${segmented ? `, in a row for each segment (${laid.rows.map((row) => row.row.label).join(', ')})` : ''}`,
    // The first row's, as a lane of one row had them (templates written before segments draw that row).
    ...rows[0],
    rows,
    segmented,
    hatch: palette.hatch,
  };
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

/**
 * How far stage columns narrow on screen before the map scrolls: a 232 px column to 174 px, the charts'
 * 10 px labels to 7.5 px, the smallest the design allows anywhere. Six stages then fit a 1,366 px window.
 */
const MIN_COLUMN_SCALE = 0.75;

/** Stage columns widened in proportion, never narrowed, so that the grid is `width` px wide. */
function fillWidth(columns: Column[], width: number | undefined): Column[] {
  const natural = gridWidth(columns);
  if (!width || width <= natural) return columns;
  const factor = (width - GRID.gutter) / (natural - GRID.gutter);
  let x = 0;
  return columns.map((c) => {
    const widened = { ...c, x, width: c.width * factor };
    x += widened.width;
    return widened;
  });
}

export function buildView(view: MapView, options: RenderOptions) {
  const print = options.density === 'print';
  const themeName = options.theme ?? 'default';
  const palette = palettes[themeName];
  const stages = view.stages;
  const columns = fillWidth(layoutColumns(stages, 0), print ? options.printWidth : undefined);
  const width = gridWidth(columns);
  const cell = <T>(pick: (s: (typeof stages)[number]) => T[]) => stages.map((s, k) => ({ tinted: s.tinted, cardColumns: columns[k].cardColumns, items: pick(s) }));
  const any = (cells: { items: unknown[] }[]) => (cells.some((c) => c.items.length) ? { cells } : undefined);
  const limitedForPrint = <C extends { items: unknown[] }>(cells: C[], key: 'thoughts' | 'painPoints' | 'metrics') => (print ? cells.map((c) => limitForPrint(c, key)) : cells);

  const touchpoints = cell((s) => s.touchpoints.map((t) => ({
    ref: t.ref,
    id: t.id,
    name: t.name,
    // On paper a card keeps what identifies it; the full description stays in the HTML.
    description: print ? undefined : t.description,
    channel: { name: t.channel.name, icon: `icon-${t.channel.icon}` },
    actor: t.actor,
    owner: t.owner,
    personas: t.personas,
    timing: t.timing?.words,
    // On paper: who and when on one line, with no separator left dangling ("Denise ·").
    printMeta: [...t.personas, t.actor, t.timing?.words].filter(Boolean).join(' \u00b7 '),
    link: t.link,
    emotion: t.emotion && { value: t.emotion.label, word: t.emotion.word },
    gaps: t.gaps.map((g) => ({ ref: g.ref, severity: severityView(g.severity, g.severityWord, palette) })),
    flagged: t.worst === 'critical' || t.worst === 'high' ? t.worst : undefined,
  })));

  // On paper a touchpoint lane too tall for its sheet goes on in rows of its own, labelled "continued".
  const continued = print ? (view.continuedTouchpoints ?? []) : [];
  const rowOf = new Map(continued.flatMap((ids, k) => ids.map((id) => [id, k + 1] as const)));
  const touchpointRows = Array.from({ length: continued.length + 1 }, (_, k) => touchpoints.map((c) => ({ ...c, items: c.items.filter((t) => (rowOf.get(t.id) ?? 0) === k) })));

  return {
    theme: themeName,
    palette,
    documentTitle: shortTitle(view.fullTitle),
    lang: view.lang,
    summary: view.summary,
    heading: view.heading,
    title: view.title,
    subtitle: view.subtitle,
    description: view.description,
    state: { current: view.state === 'current', future: view.state === 'future' },
    // The personas get their own block below the facts.
    facts: view.facts.filter((f) => !f.label.startsWith('Persona')),
    personas: view.personas.map((p) => (print ? printPersona(p) : p)),
    print,
    sheet: view.sheet?.words,
    legend: {
      channels: view.legend.channels.map((c) => ({ name: c.name, icon: `icon-${c.icon}` })),
      severities: view.legend.severities.map((s) => severityView(s.severity, s.word, palette)),
      emotions: view.legend.emotions.map((e) => ({ label: e.label, colour: palette.emotion[e.value + 2], word: e.word })),
      outreach: view.legend.outreach.map((o) => ({ ...o, stopped: o.look === 'stopped' })),
    },
    icons: [
      ...[...new Set(view.legend.channels.map((c) => c.icon))].map((id) => ({ id: `icon-${id}`, d: channelIcons[id] })),
      ...Object.entries(uiIcons).map(([id, d]) => ({ id: `ui-${id}`, d })),
    ],
    page: PAGE,
    // On screen the grid narrows with the window down to a readable minimum, then scrolls.
    grid: { gutter: GRID.gutter, width, minWidth: Math.round(GRID.gutter + (width - GRID.gutter) * MIN_COLUMN_SCALE), gutterPercent: r((GRID.gutter / width) * 100), stageCount: stages.length },
    columns: stages.map((s, k) => ({
      index: k,
      width: columns[k].width,
      percent: r((columns[k].width / width) * 100),
      cardColumns: columns[k].cardColumns,
      number: String(s.number).padStart(2, '0'),
      id: s.id,
      name: s.name,
      description: s.description,
      goal: s.goal,
      duration: s.duration,
      tinted: s.tinted,
      first: s.number === 1,
      chevronWidth: columns[k].width - 4,
      chevron: print ? chevronPoints(columns[k].width, s.number === 1) : undefined,
    })),
    lanes: {
      touchpoints: any(touchpointRows[0]),
      touchpointsContinued: touchpointRows.slice(1).map((cells) => ({ cells, continued: true })),
      // On paper a flatter curve: its levels stay 16 px apart, still clear at 7 pt labels.
      emotion: emotionView(view, columns, palette, print ? 16 : 22),
      thoughts: any(limitedForPrint(cell((s) => s.thoughts), 'thoughts')),
      painPoints: any(limitedForPrint(cell((s) => s.painPoints), 'painPoints')),
      gaps: any(cell((s) => s.gaps.map((g) => ({
        ref: g.ref,
        title: g.title,
        description: g.description,
        severity: severityView(g.severity, g.severityWord, palette),
        at: g.at.join(', '),
        status: g.status,
        owner: g.owner,
      })))),
      opportunities: any(cell((s) => s.opportunities)),
      outreach: outreachView(view, columns, palette),
      // A value too long for a metric's cell in one line ("3,850 per month") gets the lane cell's width,
      // so every value keeps the figure size on one line.
      metrics: any(limitedForPrint(cell((s) => s.metrics.map((m) => ({ ...m, wide: measure(m.value, TYPE.figure, true) > METRIC_CELL_PX }))), 'metrics')),
    },
    footer: view.footer,
    /** Print only: what the map's sheet shortens or leaves out, in full, for the notes sheet after it. */
    notes: print ? printNotes(view) : [],
  };
}

export type HtmlView = ReturnType<typeof buildView>;
