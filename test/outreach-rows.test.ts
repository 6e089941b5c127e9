import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadValidMap } from '../dist/api.js';
import { GRID, layoutColumns } from '../dist/render/layout/grid.js';
import { layoutOutreachRows, type OutreachRows } from '../dist/render/layout/outreach-rows.js';
import type { Label } from '../dist/render/layout/timeline.js';
import { buildMapView, type MapView } from '../dist/render/view/index.js';
import { run } from './helpers/cli.js';
import { exampleDir, examples, svgTexts, tempDir, unescapeXml } from './helpers/render.js';

const knee = join(exampleDir, 'knee-replacement.journey.yaml');
const kneeFuture = join(exampleDir, 'knee-replacement-future.journey.yaml');

/** Two segments with their own cadence: the app users' monthly check-in hides the IVR segment's holes from the all-patients view. */
function segmentedMap(): string {
  const file = join(tempDir('rows-map'), 'segments.journey.yaml');
  writeFileSync(
    file,
    `journeymap: 1
title: Segments
kind: patient
segments:
  - { id: app, name: App users }
  - { id: no-phone, name: No smartphone, share: 18 }
milestones:
  - { id: surgery, name: Surgery }
  - { id: discharge, name: Discharge, milestone: surgery, at: +2d }
stages:
  - id: care
    name: Care
    touchpoints:
      - { id: operation, name: Operation, channel: in-person, initiator: service, timing: { at: 0d } }
  - id: recovery
    name: Recovery
    touchpoints:
      - { id: review, name: Six-month review, channel: in-person, initiator: service, timing: { at: +6mo } }
outreach:
  - { id: app-checkin, name: App check-in, stage: recovery, channel: mobile-app, status: live, purpose: treatment, segments: [app], timing: { at: +1mo, every: 1mo, until: +6mo } }
  - { id: ivr, name: IVR call, stage: recovery, channel: phone, status: live, purpose: treatment, consent: healthcare-exemption, segments: [no-phone], timing: { at: +3mo } }
  - { id: letter, name: Discharge letter, stage: care, channel: mail, status: live, purpose: treatment, timing: { milestone: discharge, at: 0d } }
`,
  );
  return file;
}

/** Each outreach row of a drawn lane (SVG or HTML), by segment id: its name, campaigns' and holes' titles. */
function rowsOf(markup: string): Map<string, { texts: string[]; titles: string[] }> {
  const rows = new Map<string, { texts: string[]; titles: string[] }>();
  const parts = markup.split('<g class="outreach-row" data-segment="').slice(1);
  for (const part of parts) {
    const id = part.slice(0, part.indexOf('"'));
    // A row ends where the next begins or the lane's chart ends.
    const body = part.split(/<\/svg>|id="jm-lane-metrics"/)[0];
    rows.set(id, { texts: svgTexts(body), titles: [...body.matchAll(/<title>([^<]*)<\/title>/g)].map((m) => unescapeXml(m[1])) });
  }
  return rows;
}

interface AnalyzedSegment {
  id: string;
  name: string;
  holes: { days: number; length: string; words: string }[];
}

function analyzedSegments(file: string): AnalyzedSegment[] {
  const result = run(['analyze', file, '--format', 'json']);
  return (JSON.parse(result.stdout) as { maps: { contact: { segments: AnalyzedSegment[] } }[] }).maps[0].contact.segments;
}

/** The sentence a hole's tooltip gives, as the analysis words it for a segment. */
const holeSentence = (h: AnalyzedSegment['holes'][number], segment: string) => `${h.days} day${h.days === 1 ? '' : 's'} (${h.length}) with no contact for ${segment}, ${h.words}`;

function build(file: string): { svg: string; html: string } {
  const out = tempDir('rows-out');
  const result = run(['build', file, '--format', 'svg,html', '--out-dir', out]);
  expect(result.status, result.stderr).toBe(0);
  const name = file.split('/').pop()!.replace('.journey.yaml', '');
  return { svg: readFileSync(join(out, `${name}.svg`), 'utf8'), html: readFileSync(join(out, `${name}.html`), 'utf8') };
}

describe('outreach rows: one per segment, in SVG and HTML', () => {
  it('the knee maps draw two labelled rows; the IVR check-in only in the future map\u2019s no-smartphone row', () => {
    for (const file of [knee, kneeFuture]) {
      const { svg, html } = build(file);
      for (const markup of [svg, html]) {
        const rows = rowsOf(markup);
        expect([...rows.keys()]).toEqual(['smartphone-users', 'without-smartphone']);
        expect(rows.get('smartphone-users')!.texts).toContain('With a smartphone');
        expect(rows.get('without-smartphone')!.texts).toContain('No smartphone');
        // The milestones' labels once, in the first row; their lines run through both.
        const labels = (id: string) => rows.get(id)!.texts.filter((t) => t.startsWith('DAY 0'));
        expect(labels('smartphone-users')).toHaveLength(1);
        expect(labels('without-smartphone')).toHaveLength(0);
        // A campaign the first row names in full is its ref in the second (its tooltip keeps it whole).
        const first = rows.get('smartphone-users')!.texts.find((t) => t.startsWith('C1 '))!;
        expect(first).toBeDefined();
        expect(rows.get('without-smartphone')!.texts).toContain('C1');
        expect(rows.get('without-smartphone')!.texts).not.toContain(first);
      }
    }
    const { svg, html } = build(kneeFuture);
    // The rule between the rows spans the chart.
    const width = /<svg class="chart" width="([\d.]+)"[^>]*aria-label="Outreach/.exec(html)![1];
    const rules = html.match(/<line [^>]*class="row-rule"\/>/g)!;
    expect(rules).toHaveLength(1);
    expect(rules[0]).toMatch(new RegExp(`^<line x1="0" x2="${width}" y1="[\\d.]+" y2="[\\d.]+" class="row-rule"/>$`));
    for (const markup of [svg, html]) {
      const rows = rowsOf(markup);
      const ivr = (id: string) => rows.get(id)!.titles.some((t) => t.startsWith('Monthly check-in by automated call (IVR)'));
      const app = (id: string) => rows.get(id)!.titles.some((t) => t.startsWith('Monthly check-in push notification'));
      expect([ivr('smartphone-users'), ivr('without-smartphone')]).toEqual([false, true]);
      expect([app('smartphone-users'), app('without-smartphone')]).toEqual([true, false]);
    }
  });

  it.each([
    ['the knee map', knee],
    ['the knee future map', kneeFuture],
    ['a map whose segments have their own holes', segmentedMap()],
  ])('each row of %s draws exactly the analysis\u2019s holes for its segment', (_name, file) => {
    const segments = analyzedSegments(file);
    const { svg, html } = build(file);
    for (const markup of [svg, html]) {
      const rows = rowsOf(markup);
      expect([...rows.keys()]).toEqual(segments.map((s) => s.id));
      for (const segment of segments) {
        const drawn = rows.get(segment.id)!.titles.filter((t) => t.includes('with no contact'));
        expect(drawn, segment.id).toEqual(segment.holes.map((h) => holeSentence(h, segment.name)));
      }
    }
  });

  it('names a row with its segment\u2019s share; a segment\u2019s holes differ from the other\u2019s', () => {
    const file = segmentedMap();
    const segments = analyzedSegments(file);
    expect(segments.map((s) => s.holes.length)).toEqual([0, 2]);
    const { svg, html } = build(file);
    for (const markup of [svg, html]) {
      const rows = rowsOf(markup);
      expect(rows.get('app')!.texts).toContain('App users');
      expect(rows.get('no-phone')!.texts).toContain('No smartphone \u00b7 18%');
      expect(rows.get('app')!.titles.some((t) => t.startsWith('IVR call'))).toBe(false);
      expect(rows.get('no-phone')!.titles.some((t) => t.startsWith('IVR call'))).toBe(true);
      // An item for everyone is in every row: named in the first, its ref in the next.
      for (const id of ['app', 'no-phone']) expect(rows.get(id)!.titles.some((t) => t.startsWith('Discharge letter'))).toBe(true);
      expect(rows.get('app')!.texts).toContain('C1 Discharge letter');
      expect(rows.get('no-phone')!.texts).toContain('C1');
      expect(rows.get('no-phone')!.texts).toContain('C3 IVR call');
    }
  });

  it('a map without segments draws one row, with no segment\u2019s name', () => {
    const { svg, html } = build(join(exampleDir, 'maternity.journey.yaml'));
    for (const markup of [svg, html]) {
      expect(markup).not.toContain('outreach-row');
      expect(svgTexts(markup)).not.toContain('All patients');
    }
    expect(html.match(/<svg class="chart"[^>]*aria-label="Outreach[^"]*"/g)![0]).not.toContain('segment');
  });
});

async function laidOut(file: string): Promise<{ view: MapView; rows: OutreachRows; columns: ReturnType<typeof layoutColumns> }> {
  const view = buildMapView(await loadValidMap(file));
  const columns = layoutColumns(view.stages, GRID.gutter);
  return { view, rows: layoutOutreachRows(view, columns), columns };
}

/** A stage crowded far past any real map, its campaigns split between two segments and everyone. */
function crowdedSegmentedMap(): string {
  const file = join(tempDir('rows-crowd'), 'crowd.journey.yaml');
  const milestones = Array.from({ length: 60 }, (_, i) => `  - { id: m${i}, name: Step ${i}, milestone: surgery, at: -${i * 2 + 1}d }`).join('\n');
  const segment = (i: number) => (i % 3 === 0 ? '' : `, segments: [${i % 3 === 1 ? 'a' : 'b'}]`);
  const outreach = Array.from({ length: 60 }, (_, i) => `  - { id: o${i}, name: Reminder number ${i}, stage: care, channel: email, consent: opt-in${segment(i)}, timing: { at: -${(i * 7) % 130}d } }`).join('\n');
  writeFileSync(file, `journeymap: 1\ntitle: Crowd\nsegments: [{ id: a, name: Segment A, share: 60 }, { id: b, name: Segment B, share: 40 }]\nmilestones:\n  - { id: surgery, name: Surgery }\n${milestones}\nstages:\n  - id: care\n    name: Care\n    touchpoints: [{ id: t, name: T, channel: web, timing: { from: -130d, to: 0d } }]\noutreach:\n${outreach}\n`);
  return file;
}

describe('outreach rows: the lane\u2019s guarantees hold in every row', () => {
  it.each([...examples.map((e) => join(exampleDir, e)), segmentedMap(), crowdedSegmentedMap()])('%s', async (file) => {
    const { view, rows, columns } = await laidOut(file);
    expect(rows.rows.map((r) => r.row.label)).toEqual(view.outreachRows.map((r) => r.label));
    const column = (stage: number) => columns[view.stages.findIndex((s) => s.number === stage)];
    for (const [k, { row, timeline: tl, name, y, timelineY }] of rows.rows.entries()) {
      // The row holds the campaigns that reach its patients, each inside its stage's column.
      expect(tl.items.map((i) => i.outreach.ref).sort()).toEqual([...row.outreach].sort());
      expect(tl.holes.map((h) => h.hole)).toEqual(row.holes);
      for (const item of tl.items) {
        const col = column(item.outreach.stage);
        expect(item.x).toBeGreaterThanOrEqual(col.x);
        expect(item.x).toBeLessThanOrEqual(col.x + col.width);
        for (const l of [item.when, item.label]) {
          if (!l) continue; // past the labelled campaigns of a crowded column
          expect(l!.box.x1).toBeGreaterThanOrEqual(col.x);
          expect(l!.box.x2).toBeLessThanOrEqual(col.x + col.width);
        }
      }
      const labels = [...tl.items.flatMap((i) => [i.when, i.label]), ...tl.milestones.map((m) => m.label), ...tl.holes.flatMap((h) => [h.label, h.words]), ...tl.axes.flatMap((a) => a.ticks)].filter((l): l is Label => l !== undefined);
      // The row's name, in the row's timeline's coordinates.
      const boxes = labels.map((l) => ({ box: l.box, text: l.rows[0].text }));
      if (name) boxes.push({ box: { x1: name.x, x2: name.x + name.width, y1: y + name.y - 11 - timelineY, y2: y + name.y + 3 - timelineY }, text: name.text });
      for (let i = 0; i < boxes.length; i++) {
        for (let j = i + 1; j < boxes.length; j++) {
          const [a, b] = [boxes[i].box, boxes[j].box];
          expect(a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2, `${boxes[i].text} / ${boxes[j].text}`).toBe(false);
        }
      }
      const lines = [
        ...tl.milestones.map((m) => ({ x: m.x, y1: m.top, y2: m.bottom ?? tl.axisY, name: m.milestone.label })),
        ...tl.items.flatMap((i) => i.leaders.map((l) => ({ x: i.x, y1: l.y1, y2: l.y2, name: `leader of ${i.outreach.ref}` }))),
      ];
      for (const line of lines) {
        for (const { box, text } of boxes) expect(line.x > box.x1 && line.x < box.x2 && line.y1 < box.y2 && line.y2 > box.y1, `${line.name} crosses "${text}" in row ${row.label}`).toBe(false);
      }
      for (const { box } of boxes) expect(box.y2).toBeLessThanOrEqual(tl.height);
      // Milestones' lines run from the row above (or their label) to the next row (or the axis of the last).
      for (const m of tl.milestones) {
        if (k > 0) expect(m.top).toBe(timelineY - y === 0 ? 0 : -(timelineY - y));
        expect(m.bottom ?? tl.axisY).toBe(k < rows.rows.length - 1 ? tl.height : tl.axisY);
      }
    }
    const segmented = view.outreachRows.some((r) => r.segment);
    expect(rows.rows.every((r) => (r.name !== undefined) === segmented)).toBe(true);
  });
});
