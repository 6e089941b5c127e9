import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import type { JourneyMap } from '../src/types/journeymap.js';
import { root, run } from './helpers/cli.js';
import { exampleFiles, examples, svgTexts, unescapeXml } from './helpers/render.js';

interface JsonHole {
  start: number;
  end: number;
  days: number;
  length: string;
  words: string;
  gap: string | null;
}

/** The contact holes `analyze --format json` reports for one map. */
function analyzedHoles(file: string, cwd = root): JsonHole[] {
  const r = run(['analyze', file, '--format', 'json'], { cwd });
  expect(r.status, r.stderr).toBe(0);
  return (JSON.parse(r.stdout) as { maps: { contact: { holes: JsonHole[] } }[] }).maps[0].contact.holes;
}

/** What a rendered map says about its holes: each hole's sentence (its tooltip) and its label. */
function drawnHoles(document: string, labelOf: (doc: string) => string[]): { sentences: string[]; labels: string[] } {
  const sentences = [...document.matchAll(/<title>(\d+ days? \([^)]*\) with no contact, [^<]*)<\/title>/g)].map((m) => unescapeXml(m[1]));
  return { sentences, labels: labelOf(document) };
}
const svgLabels = (svg: string) => svgTexts(svg).filter((t) => t.startsWith('CONTACT HOLE'));
const htmlLabels = (html: string) => [...html.matchAll(/class="hole-label">([^<]*)</g)].map((m) => unescapeXml(m[1]));

/** Builds a map's SVG and HTML with the real CLI, from `cwd` (where a configuration may sit). */
function build(file: string, cwd = root): { svg: string; html: string } {
  const out = mkdtempSync(join(tmpdir(), 'jm-holes-'));
  const r = run(['build', file, '--format', 'svg,html', '--out-dir', out, '--no-cache'], { cwd });
  expect(r.status, r.stderr).toBe(0);
  const base = file.replace(/^.*\//, '').replace(/\.journey\.yaml$/, '');
  return { svg: readFileSync(join(out, `${base}.svg`), 'utf8'), html: readFileSync(join(out, `${base}.html`), 'utf8') };
}

/** The gap refs (`G7`) of a map by gap id, as the map numbers them: stage order, then file order. */
function gapRefs(map: JourneyMap): Map<string, string> {
  const stage = new Map(map.stages.map((s, i) => [s.id, i]));
  const gaps = (map.gaps ?? []).map((g, order) => ({ g, order })).sort((a, b) => stage.get(a.g.stage)! - stage.get(b.g.stage)! || a.order - b.order);
  return new Map(gaps.map(({ g }, i) => [g.id, `G${i + 1}`]));
}

/** The holes as the map must show them, from analyze's report. */
function expected(holes: JsonHole[], map: JourneyMap) {
  const refs = gapRefs(map);
  return {
    sentences: holes.map((h) => `${h.days} days (${h.length}) with no contact, ${h.words}`),
    labels: holes.map((h) => `CONTACT HOLE · ${h.length.toUpperCase()}${h.gap ? ` · ${refs.get(h.gap)}` : ''}`),
  };
}

const readMap = (file: string) => parse(readFileSync(file, 'utf8')) as JourneyMap;

describe('the map shows the contact holes analyze reports', () => {
  for (const [i, example] of examples.entries()) {
    it(`${example}: SVG and HTML draw analyze's holes, with the same days, words and gap`, () => {
      const file = exampleFiles[i];
      const holes = analyzedHoles(file);
      const want = expected(holes, readMap(file));
      const { svg, html } = build(file);
      expect(drawnHoles(svg, svgLabels)).toEqual(want);
      expect(drawnHoles(html, htmlLabels)).toEqual(want);
    });
  }

  it('the knee example has one hole, named by the gap that is about it, and says so everywhere', () => {
    const file = join(root, 'examples/knee-replacement.journey.yaml');
    const holes = analyzedHoles(file);
    expect(holes).toMatchObject([{ days: 290, length: '10 months', words: 'from 6 weeks after surgery to 11 months after surgery', gap: 'contact-hole' }]);
    const { svg, html } = build(file);
    expect(svgLabels(svg)).toEqual(['CONTACT HOLE · 10 MONTHS · G7']);
    // Under the bar, in the words analyze uses (wrapped to the room there is).
    expect(svgTexts(svg).join(' ')).toContain('from 6 weeks after surgery to 11 months after surgery');
    expect([...html.matchAll(/class="hole-words">([^<]*)</g)].map((m) => m[1]).join(' ')).toBe('from 6 weeks after surgery to 11 months after surgery');
    // The gap's own title agrees with the computed hole.
    expect(readMap(file).gaps?.find((g) => g.id === 'contact-hole')?.title).toContain('6 weeks to 11 months after surgery (290 days)');
  });

  it('a hole names a gap only where the gap says it is about that period', () => {
    const dir = mkdtempSync(join(tmpdir(), 'jm-holes-gap-'));
    const map = readMap(join(root, 'examples/knee-replacement.journey.yaml'));
    const gap = map.gaps!.find((g) => g.id === 'contact-hole')!;
    const write = () => writeFileSync(join(dir, 'knee.journey.yaml'), stringify(map));

    delete gap.timing;
    write();
    expect(analyzedHoles('knee.journey.yaml', dir)).toMatchObject([{ days: 290, gap: null }]);
    expect(svgLabels(build('knee.journey.yaml', dir).svg)).toEqual(['CONTACT HOLE · 10 MONTHS']);

    // A period before surgery does not overlap the hole.
    gap.timing = { from: '-4w', to: '-2w' };
    write();
    expect(analyzedHoles('knee.journey.yaml', dir)).toMatchObject([{ gap: null }]);
    expect(svgLabels(build('knee.journey.yaml', dir).svg)).toEqual(['CONTACT HOLE · 10 MONTHS']);

    // Another gap about the same months names the hole: the one that overlaps it most.
    gap.timing = { from: '+6w', to: '+11mo' };
    map.gaps!.push({ id: 'recall-letter', title: 'Recall letter comes late', stage: 'ongoing', severity: 'low', opportunity: 'Send it at 9 months', timing: { from: '+10mo', to: '+11mo' } });
    write();
    expect(analyzedHoles('knee.journey.yaml', dir)).toMatchObject([{ gap: 'contact-hole' }]);
  });

  it('a map printed across sheets shows each hole once, on the sheet of the outreach that ends it', async () => {
    const { buildMapView, sheetView } = await import(join(root, 'dist/render/view/index.js'));
    const { analyzeMap } = await import(join(root, 'dist/analyze/index.js'));
    const map = readMap(join(root, 'examples/knee-replacement.journey.yaml'));
    const view = buildMapView(map);
    // The view model holds the analysis's holes.
    const analysed = analyzeMap(map, 'knee', undefined).contact.holes;
    expect(view.holes.map((h: JsonHole) => [h.start, h.end, h.days, h.words])).toEqual(analysed.map((h: JsonHole) => [h.start, h.end, h.days, h.words]));
    const sheets = [0, 2, 4].map((from, i) => sheetView(view, { from, to: from + 2 }, { number: i + 1, count: 3 }));
    expect(sheets.map((s) => s.holes.map((h: { label: string }) => h.label))).toEqual([[], [], ['Contact hole · 10 months · G7']]);
    // The lowest point of the map is called out on its own sheet only, not a sheet's own lowest.
    expect(sheets.map((s) => s.lowest)).toEqual(['T4', undefined, undefined]);
  });

  it('a configured contactHoleDays changes the map and analyze the same way', () => {
    const dir = mkdtempSync(join(tmpdir(), 'jm-holes-config-'));
    copyFileSync(join(root, 'examples/knee-replacement-future.journey.yaml'), join(dir, 'future.journey.yaml'));
    const map = readMap(join(dir, 'future.journey.yaml'));
    expect(analyzedHoles('future.journey.yaml', dir)).toEqual([]);
    expect(svgLabels(build('future.journey.yaml', dir).svg)).toEqual([]);

    writeFileSync(join(dir, 'journeymap.config.yaml'), 'analyze:\n  contactHoleDays: 45\n');
    const holes = analyzedHoles('future.journey.yaml', dir);
    expect(holes).toMatchObject([{ days: 46, length: '7 weeks', words: 'from 6 weeks after surgery to 13 weeks after surgery' }]);
    const { svg, html } = build('future.journey.yaml', dir);
    const want = expected(holes, map);
    expect(drawnHoles(svg, svgLabels)).toEqual(want);
    expect(drawnHoles(html, htmlLabels)).toEqual(want);
  });

  it('looks from the first contact to the last event, and counts every contact, repeats included', () => {
    // Before, the outreach lane found holes under Awareness, Help and Care (before any care), and one hole
    // over the years a yearly recall letter covers, which analyze did not.
    const dir = mkdtempSync(join(tmpdir(), 'jm-holes-bariatric-'));
    const touchpoint = (id: string, at: string, initiator: 'service' | 'person' = 'person') => ({ id, name: id, channel: 'in-person', initiator, timing: { at } });
    const map = {
      journeymap: 1,
      title: 'Bariatric surgery',
      milestones: [{ id: 'surgery', name: 'Surgery' }],
      stages: [
        { id: 'awareness', name: 'Awareness', touchpoints: [touchpoint('search', '-2y')] },
        { id: 'help', name: 'Help', touchpoints: [touchpoint('seminar', '-1y')] },
        { id: 'care', name: 'Care', touchpoints: [touchpoint('assessment', '-6mo')] },
        { id: 'treatment', name: 'Treatment', touchpoints: [touchpoint('operation', '0d', 'service')] },
        { id: 'ongoing', name: 'Ongoing care', touchpoints: [touchpoint('clinic', '+6w', 'service'), touchpoint('review', '+3y')] },
      ],
      outreach: [
        { id: 'discharge-call', name: 'Discharge call', stage: 'treatment', channel: 'phone', consent: 'express', purpose: 'treatment', status: 'live', timing: { at: '+2d' } },
        { id: 'recall', name: 'Yearly recall letter', stage: 'ongoing', channel: 'mail', purpose: 'treatment', status: 'live', timing: { at: '+1y', every: '1y', until: '+3y' } },
      ],
    };
    writeFileSync(join(dir, 'bariatric.journey.yaml'), stringify(map));
    const holes = analyzedHoles('bariatric.journey.yaml', dir);
    // Nothing before the operation, the first contact; each recall letter ends a hole.
    expect(holes.map((h) => [h.days, h.length, h.words])).toEqual([
      [323, '11 months', 'from 6 weeks after surgery to 12 months after surgery'],
      [365, '12 months', 'from 12 months after surgery to 2 years after surgery'],
      [365, '12 months', 'from 2 years after surgery to 3 years after surgery'],
    ]);
    const { svg, html } = build('bariatric.journey.yaml', dir);
    const want = expected(holes, map as JourneyMap);
    expect(drawnHoles(svg, svgLabels)).toEqual(want);
    expect(drawnHoles(html, htmlLabels)).toEqual(want);
  });
});
