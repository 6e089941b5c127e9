import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { JourneyMap } from '../src/types/journeymap.js';
import { root, run } from './helpers/cli.js';

const knee = 'examples/knee-replacement.journey.yaml';
const kneeFuture = 'examples/knee-replacement-future.journey.yaml';
const clinic = 'test/fixtures/analyze/clinic.journey.yaml';

/** 1-based line of the first line of a file containing `needle` (after line `after`, if given). */
function lineOf(file: string, needle: string, after = 0): number {
  const lines = readFileSync(`${root}${file}`, 'utf8').split('\n');
  const i = lines.findIndex((l, k) => k >= after && l.includes(needle));
  if (i < 0) throw new Error(`${needle} not in ${file}`);
  return i + 1;
}

interface JsonFinding {
  file: string;
  line: number;
  column: number;
  severity: string;
  ruleId: string;
  message: string;
  path: string;
}

function analyzeJson(args: string[]) {
  const r = run(['analyze', ...args, '--format', 'json']);
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  return JSON.parse(r.stdout) as { maps: { file: string; findings: JsonFinding[]; contact: { holes: { days: number; next: string | null }[]; period: { start: number; end: number } | null }; coverage: { channels: { id: string; stages: number; cells: { touchpoints: number; outreach: number }[] }[]; personas: { id: string; touchpoints: number[] }[] }; gaps: { total: number; bySeverity: Record<string, number>; byStatus: Record<string, number> }; emotion: { touchpoint: string; low: boolean; recorded: boolean }[] }[] };
}

describe('analyze on the knee-replacement pair', () => {
  it('finds the 10-month contact hole of the current state, located on the outreach that ends it', () => {
    const [map] = analyzeJson([knee]).maps;
    const holes = map.findings.filter((f) => f.ruleId === 'contact-hole');
    expect(holes).toHaveLength(1);
    expect(holes[0].message).toContain('290 days (10 months) with no contact, from 6 weeks after surgery to 11 months after surgery');
    expect(holes[0].line).toBe(lineOf(knee, '- id: followup-invite'));
    expect(holes[0].path).toBe('outreach[5]');
    expect(map.contact.holes[0]).toMatchObject({ days: 290, next: 'followup-invite' });
  });

  it('reports exactly the low points that no gap records', () => {
    for (const file of [knee, kneeFuture]) {
      const data = parse(readFileSync(`${root}${file}`, 'utf8')) as JourneyMap;
      const named = new Set((data.gaps ?? []).flatMap((g) => g.touchpoints ?? []));
      const all = data.stages.flatMap((s) => s.touchpoints ?? []);
      const expected = all.filter((t) => t.emotion !== undefined && t.emotion <= -1 && !named.has(t.id)).map((t) => t.name);
      const [map] = analyzeJson([file]).maps;
      const lows = map.findings.filter((f) => f.ruleId === 'unrecorded-low-point');
      expect(lows.map((f) => f.message.split('"')[1])).toEqual(expected);
      expect(map.emotion.filter((p) => p.low).length).toBe(all.filter((t) => t.emotion !== undefined && t.emotion <= -1).length);
    }
    // scheduling-call is at -2 in the current state, and the long-holds gap names it.
    const [current] = analyzeJson([knee]).maps;
    expect(current.emotion.find((p) => p.touchpoint === 'scheduling-call')).toMatchObject({ low: true, recorded: true });
  });

  it('builds the channel x stage matrix and the persona coverage from the data', () => {
    const data = parse(readFileSync(`${root}${knee}`, 'utf8')) as JourneyMap;
    const [map] = analyzeJson([knee]).maps;
    const expectedInPerson = data.stages.map((s) => (s.touchpoints ?? []).filter((t) => t.channel === 'in-person').length + (data.outreach ?? []).filter((o) => o.stage === s.id && o.channel === 'in-person').length);
    expect(map.coverage.channels.find((c) => c.id === 'in-person')!.cells.map((c) => c.touchpoints + c.outreach)).toEqual(expectedInPerson);
    for (const persona of data.personas ?? []) {
      const counts = data.stages.map((s) => (s.touchpoints ?? []).filter((t) => !t.personas || t.personas.includes(persona.id)).length);
      expect(map.coverage.personas.find((p) => p.id === persona.id)!.touchpoints).toEqual(counts);
    }
    const singles = map.coverage.channels.filter((c) => c.stages === 1).map((c) => c.id);
    expect(map.findings.filter((f) => f.ruleId === 'single-stage-channel')).toHaveLength(singles.length);
  });

  it('counts gaps by severity and status', () => {
    const [current, future] = analyzeJson([knee, kneeFuture]).maps;
    expect(current.gaps).toMatchObject({ total: 7, bySeverity: { critical: 1, high: 3, medium: 3, low: 0 }, byStatus: { open: 4, planned: 2, 'in-progress': 1, closed: 0 } });
    expect(future.gaps.byStatus.closed).toBe(4);
  });

  it('the future state has closed the contact hole', () => {
    const [, future] = analyzeJson([knee, kneeFuture]).maps;
    expect(future.findings.filter((f) => f.ruleId === 'contact-hole')).toEqual([]);
    expect(future.contact.period).not.toBeNull();
  });

  it('takes the contact-hole threshold from the command line', () => {
    const [map] = analyzeJson([kneeFuture, '--contact-hole-days', '45']).maps;
    const holes = map.findings.filter((f) => f.ruleId === 'contact-hole');
    expect(holes).toHaveLength(1);
    // From the 6-week visit to the first monthly check-in at 3 months (1 April on the calendar of day 0, 1 January).
    expect(holes[0].message).toMatch(/^46 days \(7 weeks\) with no contact, from 6 weeks after surgery to 13 weeks after surgery \(limit 45 days\)/);
  });
});

describe('analyze rules on a fixture', () => {
  it('flags missing and insufficient consent per channel, with the law that asks for it', () => {
    const [map] = analyzeJson([clinic]).maps;
    const consent = map.findings.filter((f) => f.ruleId.startsWith('consent-')).map((f) => [f.ruleId, f.line, f.message]);
    expect(consent).toEqual([
      ['consent-missing', lineOf(clinic, 'channel: sms'), 'outreach "Reminder text" by SMS declares no consent basis (TCPA): add `consent`'],
      ['consent-missing', lineOf(clinic, 'channel: email'), 'outreach "After-visit email" by Email declares no consent basis (CAN-SPAM): add `consent`'],
      ['consent-insufficient', lineOf(clinic, 'consent: opt-out'), 'outreach "Survey call" by Phone relies on opt-out; the TCPA needs prior express consent for texts and calls'],
      ['consent-missing', lineOf(clinic, 'channel: robocall'), 'outreach "Recall robocall" by Automated call declares no consent basis (TCPA): add `consent`'],
    ]);
  });

  it('flags gaps without owner, personas missing from a stage, and an unrecorded low point', () => {
    const [map] = analyzeJson([clinic]).maps;
    const by = (id: string) => map.findings.filter((f) => f.ruleId === id);
    expect(by('gap-without-owner').map((f) => f.line)).toEqual([lineOf(clinic, '- id: no-owner')]);
    expect(by('stage-without-persona').map((f) => f.message)).toEqual(['stage "Awareness" has no touchpoint for Ben']);
    expect(by('unrecorded-low-point').map((f) => f.path)).toEqual(['stages[0].touchpoints[0].emotion']);
    expect(by('contact-hole')[0].message).toContain('133 days (4 months) with no contact, from 7 days after first visit to 5 months after first visit');
  });

  it('rules and thresholds are configurable through the library', async () => {
    const { analyzeMap, defaultThresholds, analyzeRules } = await import(`${root}dist/analyze/index.js`);
    const { loadMap } = await import(`${root}dist/api.js`);
    const { map } = await loadMap(`${root}${clinic}`);
    expect(defaultThresholds.contactHoleDays).toBe(56);
    expect(Object.keys(analyzeRules)).toContain('contact-hole');
    const analysis = analyzeMap(map, 'clinic', undefined, { rules: { 'consent-missing': 'error', 'single-stage-channel': 'off' }, thresholds: { contactHoleDays: 200, lowEmotion: -2 } });
    const ids = analysis.findings.map((f: JsonFinding) => `${f.ruleId}:${f.severity}`);
    expect(ids).not.toContain('contact-hole:warning');
    expect(ids.filter((i: string) => i === 'consent-missing:error')).toHaveLength(3);
    expect(ids.some((i: string) => i.startsWith('single-stage-channel'))).toBe(false);
    expect(ids.filter((i: string) => i.startsWith('unrecorded-low-point'))).toHaveLength(1);
  });

  it('--max-findings fails the run when warnings exceed it', () => {
    const r = run(['analyze', clinic, '--max-findings', '2']);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('more than --max-findings 2');
    expect(run(['analyze', clinic, '--max-findings', '100']).status).toBe(0);
  });
});

describe('analyze report formats', () => {
  it('text names file:line:col, rule ids and a summary', () => {
    const r = run(['analyze', knee]);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain(`${knee}:${lineOf(knee, '- id: followup-invite')}:5  warning  290 days (10 months)`);
    expect(r.stdout).toMatch(/Channels by stage/);
    expect(r.stdout).toMatch(/\d+ findings \(0 errors, \d+ warnings?, \d+ info\) in 1 map\n$/);
    expect(r.stdout).not.toMatch(/\x1b\[/);
  });

  it('markdown is a table fit for a pull request, with user text escaped', () => {
    const r = run(['analyze', clinic, '--format', 'markdown']);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('## Dermatology clinic \\<script\\>alert(1)\\</script\\>');
    expect(r.stdout).toContain('| Line | Severity | Finding | Rule |');
    expect(r.stdout).toContain('| `contact-hole` |');
  });

  it('html is one self-contained page: curve with unrecorded lows marked, heat map, escaped text, no scripts', () => {
    const r = run(['analyze', clinic, '--format', 'html']);
    expect(r.status).toBe(0);
    const html = r.stdout;
    expect(html).toMatch(/^<!DOCTYPE html>/);
    expect(html).not.toMatch(/<script|<link|src=|https?:\/\//i);
    expect(html).toContain('Dermatology clinic &lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('Searches &quot;itchy rash&quot; &amp; &lt;b&gt;photos&lt;/b&gt;');
    expect(html.match(/class="pt unrecorded"/g)).toHaveLength(1);
    expect(html.match(/class="pt recorded"/g)).toHaveLength(1);
    expect(html).toContain('<table class="heat">');
    expect(html).toContain('133 days, no contact');
  });

  it('is byte-identical from run to run', () => {
    const a = run(['analyze', knee, kneeFuture, '--format', 'html']).stdout;
    expect(run(['analyze', knee, kneeFuture, '--format', 'html']).stdout).toBe(a);
  });
});

describe('analyze errors', () => {
  it('reports an invalid map as validate does and exits 1', () => {
    const r = run(['analyze', 'examples/invalid/unresolved-reference-stage.journey.yaml']);
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/unresolved-reference-stage\.journey\.yaml:\d+:\d+ {2}error {2}unknown stage/);
  });

  it('exits 2 on a missing file and on a bad option value', () => {
    expect(run(['analyze', 'no/such/map.journey.yaml']).status).toBe(2);
    const bad = run(['analyze', knee, '--format', 'pdf']);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain("argument 'pdf' is invalid");
  });
});
