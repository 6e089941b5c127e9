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

interface JsonContact {
  holes: JsonHole[];
  segments: { id: string; name: string; holes: JsonHole[] }[];
}

/** The contact holes `analyze --format json` reports for one map: all patients' and each segment's. */
function analyzedContact(file: string, cwd = root): JsonContact {
  const r = run(['analyze', file, '--format', 'json'], { cwd });
  expect(r.status, r.stderr).toBe(0);
  return (JSON.parse(r.stdout) as { maps: { contact: JsonContact }[] }).maps[0].contact;
}

/** The all-patients contact holes `analyze --format json` reports for one map. */
const analyzedHoles = (file: string, cwd = root): JsonHole[] => analyzedContact(file, cwd).holes;

/** What a rendered map says about its holes: each hole's sentence (its tooltip) and its label. */
function drawnHoles(document: string, labelOf: (doc: string) => string[]): { sentences: string[]; labels: string[] } {
  const sentences = [...document.matchAll(/<title>(\d+ days? \([^)]*\) with no contact(?: for [^,<]*)?, [^<]*)<\/title>/g)].map((m) => unescapeXml(m[1]));
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

/**
 * The holes as the map must show them, from analyze's report: all patients' on a map without segments; on a
 * map with segments each segment's, in its own outreach row, in the segments' order.
 */
function expected(contact: JsonContact, map: JourneyMap) {
  const refs = gapRefs(map);
  const shown = contact.segments.length ? contact.segments.flatMap((s) => s.holes.map((h) => ({ h, who: ` for ${s.name}` }))) : contact.holes.map((h) => ({ h, who: '' }));
  const holes = shown.map(({ h }) => h);
  return {
    sentences: shown.map(({ h, who }) => `${h.days} days (${h.length}) with no contact${who}, ${h.words}`),
    labels: holes.map((h) => `CONTACT HOLE · ${h.length.toUpperCase()}${h.gap ? ` · ${refs.get(h.gap)}` : ''}`),
  };
}

const readMap = (file: string) => parse(readFileSync(file, 'utf8')) as JourneyMap;

describe('the map shows the contact holes analyze reports', () => {
  for (const [i, example] of examples.entries()) {
    it(`${example}: SVG and HTML draw analyze's holes, with the same days, words and gap`, () => {
      const file = exampleFiles[i];
      const want = expected(analyzedContact(file), readMap(file));
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
    // Once in each segment's outreach row: both segments have it.
    expect(svgLabels(svg)).toEqual(['CONTACT HOLE · 10 MONTHS · G7', 'CONTACT HOLE · 10 MONTHS · G7']);
    // Under the bar, in the words analyze uses (wrapped to the room there is).
    expect(svgTexts(svg).join(' ')).toContain('from 6 weeks after surgery to 11 months after surgery');
    expect([...html.matchAll(/class="hole-words">([^<]*)</g)].map((m) => m[1]).join(' ')).toBe('from 6 weeks after surgery to 11 months after surgery from 6 weeks after surgery to 11 months after surgery');
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
    expect(svgLabels(build('knee.journey.yaml', dir).svg)).toEqual(['CONTACT HOLE · 10 MONTHS', 'CONTACT HOLE · 10 MONTHS']);

    // A period before surgery does not overlap the hole.
    gap.timing = { from: '-4w', to: '-2w' };
    write();
    expect(analyzedHoles('knee.journey.yaml', dir)).toMatchObject([{ gap: null }]);
    expect(svgLabels(build('knee.journey.yaml', dir).svg)).toEqual(['CONTACT HOLE · 10 MONTHS', 'CONTACT HOLE · 10 MONTHS']);

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
    const contact = analyzedContact('future.journey.yaml', dir);
    expect(contact.holes).toMatchObject([{ days: 46, length: '7 weeks', words: 'from 6 weeks after surgery to 13 weeks after surgery' }]);
    const { svg, html } = build('future.journey.yaml', dir);
    const want = expected(contact, map);
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
    const want = expected({ holes, segments: [] }, map as JourneyMap);
    expect(drawnHoles(svg, svgLabels)).toEqual(want);
    expect(drawnHoles(html, htmlLabels)).toEqual(want);
  });
});

interface JsonContact {
  id: string;
  kind: 'outreach' | 'touchpoint';
  start: number;
}

interface JsonContactReport {
  holes: JsonHole[];
  contacts: JsonContact[];
  period: { start: number; end: number } | null;
  segments: { id: string; holes: JsonHole[] }[];
}

/** Writes `map` to a fresh folder and returns analyze's contact report and findings for it. */
function analyzeSmall(map: Record<string, unknown>): { contact: JsonContactReport; findings: { ruleId: string; message: string }[] } {
  const dir = mkdtempSync(join(tmpdir(), 'jm-holes-small-'));
  writeFileSync(join(dir, 'small.journey.yaml'), stringify(map));
  const r = run(['analyze', 'small.journey.yaml', '--format', 'json'], { cwd: dir });
  expect(r.stderr).toBe('');
  return (JSON.parse(r.stdout) as { maps: { contact: JsonContactReport; findings: { ruleId: string; message: string }[] }[] }).maps[0];
}

/** A one-stage patient map around surgery (day 0 = 1 January 2001) with the given items. */
function smallMap(outreach: Record<string, unknown>[], touchpoints: Record<string, unknown>[] = [], extra: Record<string, unknown> = {}) {
  return {
    journeymap: 1,
    title: 'Small',
    kind: 'patient',
    milestones: [
      { id: 'surgery', name: 'Surgery' },
      { id: 'discharge', name: 'Discharge', milestone: 'surgery', at: '+30d' },
    ],
    stages: [{ id: 'care', name: 'Care', touchpoints: [{ id: 'operation', name: 'Operation', channel: 'in-person', initiator: 'service', timing: { at: '0d' } }, ...touchpoints] }],
    outreach: outreach.map((o) => ({ stage: 'care', channel: 'mail', status: 'live', purpose: 'treatment', name: String(o.id), ...o })),
    ...extra,
  };
}

const outreachDays = (contact: JsonContactReport, id: string) => contact.contacts.filter((c) => c.id === id).map((c) => c.start);

describe('what counts as contact', () => {
  it('every timing form gives its contacts: at, a window, a repeated window, a repeat until, a repeat without end', () => {
    const { contact } = analyzeSmall(
      smallMap([
        { id: 'at', timing: { at: '+1w' } },
        { id: 'window', timing: { from: '+2w', to: '+4w' } },
        { id: 'weekly-window', timing: { from: '+5w', to: '+7w', every: '1w' } },
        { id: 'monthly', timing: { milestone: 'discharge', at: '0d', every: '1mo', until: '+3mo' } },
        { id: 'no-until', timing: { at: '+10w', every: '2w' } },
      ]),
    );
    expect(outreachDays(contact, 'at')).toEqual([7]);
    expect(outreachDays(contact, 'window')).toEqual([14]);
    expect(outreachDays(contact, 'weekly-window')).toEqual([35, 42, 49]);
    // Month arithmetic on the calendar: discharge is 31 January; +1mo is 28 February, then 31 March, 30 April.
    expect(outreachDays(contact, 'monthly')).toEqual([30, 58, 89, 119]);
    expect(outreachDays(contact, 'no-until')).toEqual([70]);
  });

  it('ignores idea, paused and retired outreach; planned counts on a future map only', () => {
    const items = ['idea', 'paused', 'retired', 'planned', 'live'].map((status, i) => ({ id: status, status, timing: { at: `+${i + 1}w`, every: '1d', until: '+1y' } }));
    const current = analyzeSmall(smallMap(items)).contact;
    expect([...new Set(current.contacts.filter((c) => c.kind === 'outreach').map((c) => c.id))]).toEqual(['live']);
    const future = analyzeSmall({ ...smallMap(items), state: 'future' }).contact;
    expect([...new Set(future.contacts.filter((c) => c.kind === 'outreach').map((c) => c.id))].sort()).toEqual(['live', 'planned']);
    // A daily idea for a year does not hide the hole after the one live letter.
    const idea = analyzeSmall(smallMap([{ id: 'letter', timing: { at: '+1d' } }, { id: 'promo', status: 'idea', timing: { at: '+2d', every: '1d', until: '+1y' } }], [{ id: 'review', name: 'Review', channel: 'in-person', initiator: 'service', timing: { at: '+6mo' } }])).contact;
    expect(idea.holes.map((h) => [h.days, h.length])).toEqual([[180, '6 months']]);
  });

  it('a window without every is one contact at its start, not coverage of the whole window', () => {
    const { contact } = analyzeSmall(smallMap([{ id: 'texts', channel: 'mail', timing: { from: '+1d', to: '+20w' } }], [{ id: 'review', name: 'Review', channel: 'in-person', initiator: 'service', timing: { at: '+20w' } }]));
    expect(contact.holes.map((h) => [h.days, h.words])).toEqual([[139, 'from 1 day after surgery to 5 months after surgery']]);
  });

  it('a touchpoint the person starts does not close a hole; one the service starts does', () => {
    const nurseLine = (initiator: string) => ({ id: 'nurse-line', name: 'Calls the nurse line', channel: 'phone', initiator, timing: { at: '+10w' } });
    const review = { id: 'review', name: 'Review', channel: 'in-person', initiator: 'service', timing: { at: '+20w' } };
    const person = analyzeSmall(smallMap([], [nurseLine('person'), review])).contact;
    expect(person.holes.map((h) => h.days)).toEqual([140]);
    const byDefault = analyzeSmall(smallMap([], [{ ...nurseLine('person'), initiator: undefined }, review])).contact;
    expect(byDefault.holes.map((h) => h.days)).toEqual([140]);
    const service = analyzeSmall(smallMap([], [nurseLine('service'), review])).contact;
    expect(service.holes.map((h) => h.days)).toEqual([70, 70]);
  });

  it('finds a hole right after discharge: the window starts at the first contact, not at a stage', () => {
    const { contact } = analyzeSmall(smallMap([{ id: 'discharge-call', channel: 'phone', consent: 'express', timing: { milestone: 'discharge', at: '0d' } }], [{ id: 'intake', name: 'Rehab intake', channel: 'in-person', initiator: 'service', timing: { milestone: 'discharge', at: '+10w' } }]));
    expect(contact.holes.map((h) => [h.days, h.length, h.words])).toEqual([[70, '10 weeks', 'from 4 weeks after surgery to 14 weeks after surgery']]);
  });

  it('a segment with its own cadence has a hole the all-patients view hides', () => {
    const segments = [
      { id: 'app', name: 'App users' },
      { id: 'no-phone', name: 'No smartphone', share: 18 },
    ];
    const { contact, findings } = analyzeSmall(
      smallMap(
        [
          { id: 'app-checkin', channel: 'mobile-app', segments: ['app'], timing: { at: '+1mo', every: '1mo', until: '+6mo' } },
          { id: 'ivr', channel: 'phone', consent: 'healthcare-exemption', segments: ['no-phone'], timing: { at: '+3mo', every: '3mo', until: '+6mo' } },
        ],
        [{ id: 'review', name: 'Six-month review', channel: 'in-person', initiator: 'service', timing: { at: '+6mo' } }],
        { segments },
      ),
    );
    expect(contact.holes).toEqual([]);
    expect(contact.segments.map((s) => [s.id, s.holes.map((h) => h.days)])).toEqual([
      ['app', []],
      ['no-phone', [90, 91]],
    ]);
    expect(findings.filter((f) => f.ruleId === 'contact-hole').map((f) => f.message.split(', from')[0])).toEqual(['90 days (13 weeks) with no contact for No smartphone', '91 days (13 weeks) with no contact for No smartphone']);
  });

  it('the map marks each outreach item counted or not, and holds one outreach row per segment', async () => {
    const { buildMapView } = await import(join(root, 'dist/render/view/index.js'));
    const future = buildMapView(readMap(join(root, 'examples/knee-replacement-future.journey.yaml')));
    const byId = new Map(future.outreach.map((o: { id: string }) => [o.id, o]));
    expect(byId.get('monthly-checkin')).toMatchObject({ counted: true, countedWhy: 'planned outreach on a future map', status: 'Planned', segments: ['With a smartphone'] });
    expect(byId.get('quiz-followup-email')).toMatchObject({ counted: false, countedWhy: 'no timing' });
    const refOf = (id: string) => (byId.get(id) as { ref: string }).ref;
    expect(future.outreachRows.map((r: { label: string }) => r.label)).toEqual(['With a smartphone', 'No smartphone']);
    const [app, ivr] = future.outreachRows as { outreach: string[]; holes: unknown[] }[];
    expect(app.outreach).toContain(refOf('monthly-checkin'));
    expect(app.outreach).not.toContain(refOf('ivr-checkin'));
    expect(ivr.outreach).toContain(refOf('ivr-checkin'));
    expect(ivr.outreach).not.toContain(refOf('monthly-checkin'));
    expect([app.holes, ivr.holes]).toEqual([[], []]);
    const current = buildMapView(readMap(join(root, 'examples/maternity.journey.yaml')));
    expect(current.outreachRows).toMatchObject([{ label: 'All patients', outreach: current.outreach.map((o: { ref: string }) => o.ref) }]);
    expect(current.outreach.find((o: { id: string }) => o.id === 'bp-texts')).toMatchObject({ counted: false, countedWhy: 'planned, not running yet (counts on a future map)' });
  });

  it('the knee future map draws no hole under its monthly check-ins, for anyone', () => {
    const file = join(root, 'examples/knee-replacement-future.journey.yaml');
    const dir = mkdtempSync(join(tmpdir(), 'jm-holes-future-'));
    copyFileSync(file, join(dir, 'future.journey.yaml'));
    const { contact } = analyzeSmall(parse(readFileSync(file, 'utf8')) as Record<string, unknown>);
    expect(contact.holes).toEqual([]);
    expect(contact.segments.map((s) => s.holes)).toEqual([[], []]);
    const { svg, html } = build('future.journey.yaml', dir);
    expect(svgLabels(svg)).toEqual([]);
    expect(htmlLabels(html)).toEqual([]);
  });
});

describe('thresholds', () => {
  it('a map sets its own contactHoleDays over the configuration; the command line wins over both', () => {
    const dir = mkdtempSync(join(tmpdir(), 'jm-holes-thresholds-'));
    const map = smallMap([{ id: 'letter', timing: { at: '+40d' } }]);
    writeFileSync(join(dir, 'journeymap.config.yaml'), 'analyze:\n  contactHoleDays: 30\n');
    writeFileSync(join(dir, 'small.journey.yaml'), stringify({ ...map, thresholds: { contactHoleDays: 45 } }));
    expect(analyzedHoles('small.journey.yaml', dir)).toEqual([]);
    writeFileSync(join(dir, 'small.journey.yaml'), stringify(map));
    expect(analyzedHoles('small.journey.yaml', dir).map((h) => h.days)).toEqual([40]);
    writeFileSync(join(dir, 'small.journey.yaml'), stringify({ ...map, thresholds: { contactHoleDays: 45 } }));
    const r = run(['analyze', 'small.journey.yaml', '--format', 'json', '--contact-hole-days', '35'], { cwd: dir });
    expect((JSON.parse(r.stdout) as { maps: { contact: { holes: JsonHole[] } }[] }).maps[0].contact.holes.map((h) => h.days)).toEqual([40]);
  });
});
