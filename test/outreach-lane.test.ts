import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import puppeteer from 'puppeteer-core';
import { describe, expect, it } from 'vitest';
import { loadValidMap } from '../dist/api.js';
import { GRID, layoutColumns } from '../dist/render/layout/grid.js';
import { layoutTimeline, type Label, type Timeline } from '../dist/render/layout/timeline.js';
import { buildMapView, type MapView } from '../dist/render/view/index.js';
import { root, run } from './helpers/cli.js';
import { exampleDir, examples, svgTexts, tempDir } from './helpers/render.js';

/** The README's sample map and the `init` starter, beside the examples: every map a new user first sees. */
function firstMaps(): string[] {
  const dir = tempDir('lane');
  const readme = readFileSync(join(root, 'README.md'), 'utf8');
  const sample = /```yaml\n(# yaml-language-server[\s\S]*?)```/.exec(readme)![1];
  writeFileSync(join(dir, 'readme.journey.yaml'), sample);
  expect(run(['init', join(dir, 'starter.journey.yaml')]).status).toBe(0);
  return [join(dir, 'readme.journey.yaml'), join(dir, 'starter.journey.yaml')];
}

const maps = [...examples.map((e) => join(exampleDir, e)), ...firstMaps()];

async function laidOut(file: string): Promise<{ view: MapView; tl: Timeline; columns: ReturnType<typeof layoutColumns> }> {
  const view = buildMapView(await loadValidMap(file));
  const columns = layoutColumns(view.stages, GRID.gutter);
  return { view, tl: layoutTimeline(view, columns), columns };
}

const labelsOf = (tl: Timeline): Label[] => [
  ...tl.items.flatMap((i) => [i.when, i.label]),
  ...tl.milestones.map((m) => m.label),
  ...tl.holes.flatMap((h) => [h.label, h.words]),
  ...tl.axes.flatMap((a) => a.ticks),
].filter((l): l is Label => l !== undefined);

describe('outreach lane: each item and milestone in its stage\u2019s column', () => {
  it.each(maps)('%s', async (file) => {
    const { view, tl, columns } = await laidOut(file);
    const column = (stage: number) => columns[view.stages.findIndex((s) => s.number === stage)];
    expect(tl.items).toHaveLength(view.outreach.length);
    for (const item of tl.items) {
      const col = column(item.outreach.stage);
      expect(item.x, `${item.outreach.ref} ${item.outreach.name}`).toBeGreaterThanOrEqual(col.x);
      expect(item.x).toBeLessThanOrEqual(col.x + col.width);
      for (const l of [item.when, item.label]) {
        expect(l, `${item.outreach.ref} has its labels`).toBeDefined();
        expect(l!.box.x1).toBeGreaterThanOrEqual(col.x);
        expect(l!.box.x2).toBeLessThanOrEqual(col.x + col.width);
      }
    }
    for (const m of tl.milestones) {
      const col = column(m.milestone.stage);
      expect(m.x, m.milestone.label).toBeGreaterThanOrEqual(col.x);
      expect(m.x).toBeLessThanOrEqual(col.x + col.width);
    }
    // Within a column time runs left to right.
    for (const stage of view.stages) {
      const timed = tl.items.filter((i) => i.outreach.stage === stage.number && i.outreach.timing).sort((a, b) => a.outreach.timing!.start - b.outreach.timing!.start);
      for (let k = 1; k < timed.length; k++) expect(timed[k].x).toBeGreaterThanOrEqual(timed[k - 1].x);
    }
  });

  it('puts the milestones and campaigns the issue named where their time says', async () => {
    const knee = await laidOut(join(exampleDir, 'knee-replacement.journey.yaml'));
    const stageName = (v: MapView, n: number) => v.stages.find((s) => s.number === n)!.name;
    expect(stageName(knee.view, knee.view.milestones.find((m) => m.day === 0)!.stage)).toBe('Treatment');
    const [readme, starter] = await Promise.all(firstMaps().map(laidOut));
    expect(stageName(starter.view, starter.view.milestones[0].stage)).toBe('Care');
    const prehab = readme.view.outreach.find((o) => o.name === 'Prehab email series')!;
    expect(stageName(readme.view, prehab.stage)).toBe('Treatment');
    const col = readme.columns[readme.view.stages.findIndex((s) => s.name === 'Treatment')];
    const x = readme.tl.items.find((i) => i.outreach === prehab)!.x;
    expect(x > col.x && x < col.x + col.width).toBe(true);
  });
});

function expectNoCrossing(tl: Timeline): void {
  const labels = labelsOf(tl);
  const overlap = (a: Label['box'], b: Label['box']) => a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2;
  for (let i = 0; i < labels.length; i++) {
    for (let j = i + 1; j < labels.length; j++) expect(overlap(labels[i].box, labels[j].box), `${labels[i].rows[0].text} / ${labels[j].rows[0].text}`).toBe(false);
  }
  const lines = [
    ...tl.milestones.map((m) => ({ x: m.x, y1: m.top, y2: tl.axisY, name: m.milestone.label })),
    ...tl.items.flatMap((i) => i.leaders.map((l) => ({ x: i.x, y1: l.y1, y2: l.y2, name: `leader of ${i.outreach.ref}` }))),
  ];
  for (const line of lines) {
    for (const l of labels) {
      const crosses = line.x > l.box.x1 && line.x < l.box.x2 && line.y1 < l.box.y2 && line.y2 > l.box.y1;
      expect(crosses, `${line.name} crosses "${l.rows[0].text}"`).toBe(false);
    }
    // Nothing pokes above the lane.
    expect(line.y1).toBeGreaterThanOrEqual(0);
  }
  for (const l of labels) expect(l.box.y1).toBeGreaterThanOrEqual(0);
  for (const l of labels) expect(l.box.y2).toBeLessThanOrEqual(tl.height);
}

describe('outreach lane: labels cross neither milestone lines nor each other', () => {
  it.each(maps)('%s', async (file) => expectNoCrossing((await laidOut(file)).tl));

  it('stays bounded and uncrossed in a stage crowded far past any real map', async () => {
    const dir = tempDir('lane-crowd');
    const file = join(dir, 'crowd.journey.yaml');
    const milestones = Array.from({ length: 120 }, (_, i) => `  - { id: m${i}, name: Step ${i}, milestone: surgery, at: -${i + 1}d }`).join('\n');
    const outreach = Array.from({ length: 90 }, (_, i) => `  - { id: o${i}, name: Reminder number ${i}, stage: care, channel: email, consent: opt-in, timing: { at: -${(i * 7) % 130}d } }`).join('\n');
    writeFileSync(file, `journeymap: 1\ntitle: Crowd\nmilestones:\n  - { id: surgery, name: Surgery }\n${milestones}\nstages:\n  - id: care\n    name: Care\n    touchpoints: [{ id: t, name: T, channel: web, timing: { from: -130d, to: 0d } }]\noutreach:\n${outreach}\n`);
    const { tl } = await laidOut(file);
    expect(tl.milestones).toHaveLength(121);
    expect(tl.items).toHaveLength(90);
    expect(tl.milestones.filter((m) => m.label).length).toBeLessThanOrEqual(40);
    expect(tl.items.filter((i) => i.label).length).toBe(40);
    expectNoCrossing(tl);
  });

  it('writes units as the source does, in the SVG and in the HTML', () => {
    const out = tempDir('lane-units');
    const file = join(exampleDir, 'knee-replacement.journey.yaml');
    expect(run(['build', file, '--format', 'svg,html', '--out-dir', out]).status).toBe(0);
    const texts = svgTexts(readFileSync(join(out, 'knee-replacement.svg'), 'utf8'));
    expect(texts).toContain('DISCHARGE \u00b7 +2 d');
    expect(texts.join('\n')).not.toMatch(/\+\d+ (D|WK|MO)\b/);
    const html = readFileSync(join(out, 'knee-replacement.html'), 'utf8');
    expect(html).toContain('DISCHARGE \u00b7 +2 d');
    const outreachStyles = html.split('\n').filter((l) => l.includes('.chart') && l.includes('text-transform'));
    expect(outreachStyles).toEqual([]);
  });

  it('draws each campaign\u2019s status and says so in the legend', async () => {
    const dir = tempDir('lane-status');
    const file = join(dir, 'status.journey.yaml');
    writeFileSync(file, `journeymap: 1
title: Status
milestones: [{ id: surgery, name: Surgery }]
stages:
  - id: care
    name: Care
    touchpoints: [{ id: visit, name: Visit, channel: in-person, timing: { at: -2w } }, { id: op, name: Operation, channel: in-person, timing: { at: 0d } }]
outreach:
  - { id: a, name: Live one, stage: care, channel: email, status: live, timing: { at: -10d } }
  - { id: b, name: Idea one, stage: care, channel: email, status: idea, timing: { at: -7d } }
  - { id: c, name: Paused one, stage: care, channel: email, status: paused, timing: { at: -3d } }
`);
    const out = join(dir, 'out');
    expect(run(['build', file, '--format', 'svg,html', '--out-dir', out]).status).toBe(0);
    const svg = readFileSync(join(out, 'status.svg'), 'utf8');
    expect(svg.match(/r="12"[^>]*stroke-dasharray/g)).toHaveLength(1);
    expect(svgTexts(svg)).toEqual(expect.arrayContaining(['Live', 'Idea', 'Paused', 'OUTREACH']));
    const html = readFileSync(join(out, 'status.html'), 'utf8');
    expect(html).toContain('class="campaign status-idea"');
    expect(html).toContain('class="campaign status-paused muted"');
    expect(html).toMatch(/<h2 class="caps">Outreach<\/h2>/);
  });
});

describe('validate: outreach-stage-timing', () => {
  const map = (stage: string, at: string) => `journeymap: 1
title: Timing
milestones: [{ id: surgery, name: Surgery }]
stages:
  - id: awareness
    name: Awareness
    touchpoints: [{ id: search, name: Search, channel: search, timing: { at: -12w } }]
  - id: treatment
    name: Treatment
    touchpoints: [{ id: op, name: Operation, channel: in-person, timing: { from: -2w, to: 2d } }]
outreach:
  - id: prehab
    name: Prehab email series
    stage: ${stage}
    channel: email
    timing: { at: ${at} }
`;
  const check = (text: string) => {
    const file = join(tempDir('lane-validate'), 'm.journey.yaml');
    writeFileSync(file, text);
    return run(['validate', file, '--format', 'json']);
  };
  const findings = (r: ReturnType<typeof run>) => (JSON.parse(r.stdout) as { files: { findings: { ruleId: string; line: number; column: number; message: string }[] }[] }).files[0].findings;

  it('warns, at the item\u2019s stage, when its timing falls in another stage\u2019s span', () => {
    const result = check(map('awareness', '-1w'));
    const found = findings(result).filter((f) => f.ruleId === 'outreach-stage-timing');
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ line: 14, column: 12 });
    expect(found[0].message).toContain('`treatment`');
  });

  it('is quiet when the timing lies in its own stage, or in no stage\u2019s span', () => {
    expect(findings(check(map('treatment', '-1w'))).filter((f) => f.ruleId === 'outreach-stage-timing')).toEqual([]);
    expect(findings(check(map('awareness', '-6w'))).filter((f) => f.ruleId === 'outreach-stage-timing')).toEqual([]);
  });

  it('is quiet on every example', () => {
    const result = run(['validate', ...examples.map((e) => join(exampleDir, e)), '--max-warnings', '0']);
    expect(result.stdout + result.stderr).not.toContain('outreach-stage-timing');
    expect(result.status).toBe(0);
  });
});

describe('HTML on a laptop (Chromium)', () => {
  it('fits the knee map\u2019s six stages in 1,366 px, centres it at 1,920 px, and scrolls a twelve-stage map with its lane labels held', async () => {
    const out = tempDir('lane-html');
    expect(run(['build', join(exampleDir, 'knee-replacement.journey.yaml'), '--format', 'html', '--out-dir', out]).status).toBe(0);
    const browser = await puppeteer.launch({ executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'], headless: true });
    try {
      const page = await browser.newPage();
      const measure = async (width: number) => {
        await page.setViewport({ width, height: 900 });
        await page.goto(`file://${join(out, 'knee-replacement.html')}`, { waitUntil: 'load' });
        return page.evaluate(() => {
          const scroll = document.querySelector('.map-scroll')!;
          const map = document.querySelector('.map')!.getBoundingClientRect();
          const last = document.querySelector('thead th:last-child')!.getBoundingClientRect();
          return { page: document.documentElement.scrollWidth, scrollWidth: scroll.scrollWidth, clientWidth: scroll.clientWidth, left: map.left, right: map.right, lastRight: last.right, window: window.innerWidth };
        });
      };
      const laptop = await measure(1366);
      expect(laptop.scrollWidth).toBeLessThanOrEqual(laptop.clientWidth);
      expect(laptop.page).toBeLessThanOrEqual(1366);
      expect(laptop.lastRight).toBeLessThanOrEqual(1366);
      const wide = await measure(1920);
      expect(Math.abs(wide.left - (wide.window - wide.right))).toBeLessThanOrEqual(2);

      // Twelve stages do not fit: the grid scrolls inside its box, the page does not, the lane labels stay.
      const stages = Array.from({ length: 12 }, (_, i) => `  - { id: s${i + 1}, name: Stage ${i + 1}, touchpoints: [{ id: t${i + 1}, name: Touchpoint ${i + 1}, channel: email }] }`).join('\n');
      writeFileSync(join(out, 'wide.journey.yaml'), `journeymap: 1\ntitle: Wide\nstages:\n${stages}\n`);
      expect(run(['build', join(out, 'wide.journey.yaml'), '--format', 'html', '--out-dir', out]).status).toBe(0);
      await page.setViewport({ width: 1366, height: 900 });
      await page.goto(`file://${join(out, 'wide.html')}`, { waitUntil: 'load' });
      const scrolled = await page.evaluate(() => {
        const scroll = document.querySelector('.map-scroll')!;
        scroll.scrollLeft = 600;
        return { page: document.documentElement.scrollWidth, scrollWidth: scroll.scrollWidth, clientWidth: scroll.clientWidth, box: scroll.getBoundingClientRect().left, label: document.querySelector('tbody .lane-label')!.getBoundingClientRect().left };
      });
      expect(scrolled.scrollWidth).toBeGreaterThan(scrolled.clientWidth);
      expect(scrolled.page).toBeLessThanOrEqual(1366);
      expect(scrolled.label).toBe(scrolled.box);
    } finally {
      await browser.close();
    }
  }, 120_000);
});
