import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { root, run } from './helpers/cli.js';

const before = 'test/fixtures/diff/before.journey.yaml';
const after = 'test/fixtures/diff/after.journey.yaml';
const knee = 'examples/knee-replacement.journey.yaml';
const kneeFuture = 'examples/knee-replacement-future.journey.yaml';

interface Change {
  id: string;
  kind: string;
  oldStage?: string;
  newStage?: string;
  emotionDelta?: number;
  fields: { field: string; old?: unknown; new?: unknown }[];
}
interface DiffJson {
  meta: { field: string; old?: unknown; new?: unknown }[];
  stages: Change[];
  touchpoints: Change[];
  gaps: Change[];
  outreach: Change[];
  stageEmotion: { id: string; old?: number; new?: number; delta?: number }[];
  gapsClosed: { id: string; how: string }[];
  gapsPlanned: { id: string; how: string }[];
  gapsRemoved: { id: string; how: string }[];
  gapsOpened: { id: string; how: string }[];
  holes: { segment?: { id: string; name: string }; how: string; old?: { days: number }; new?: { days: number } }[];
}

function diffJson(a: string, b: string, cwd = root): DiffJson {
  const r = run(['diff', a, b, '--format', 'json'], { cwd });
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  return JSON.parse(r.stdout) as DiffJson;
}

describe('diff of a fixture pair', () => {
  it('matches by id: added, removed, moved between stages, changed field by field', () => {
    const d = diffJson(before, after);
    const kinds = (items: Change[]) => Object.fromEntries(items.map((i) => [i.id, i.kind]));
    // Unchanged items are left out of the JSON.
    expect(kinds(d.stages)).toEqual({ results: 'added', 'legacy-results': 'removed' });
    expect(kinds(d.touchpoints)).toEqual({ 'gp-referral': 'changed', 'mri-scan': 'changed', reminder: 'moved', 'results-app': 'added', letter: 'removed', 'results-letter': 'removed' });
    const moved = d.touchpoints.find((t) => t.id === 'reminder')!;
    expect([moved.oldStage, moved.newStage]).toEqual(['scan', 'results']);
    const gp = d.touchpoints.find((t) => t.id === 'gp-referral')!;
    expect(gp.fields).toEqual([
      { field: 'name', old: 'GP refers for an MRI', new: 'GP refers and books the MRI in the same visit' },
      { field: 'emotion', old: -2, new: 1 },
    ]);
    expect(gp.emotionDelta).toBe(3);
    expect(d.outreach[0].fields.map((f) => f.field)).toEqual(['name', 'channel', 'consent']);
    expect(d.meta).toEqual([
      { field: 'state', old: 'current', new: 'future' },
      { field: 'version', old: 'v1', new: 'v2' },
    ]);
  });

  it('averages emotion per stage and lists gaps closed and opened', () => {
    const d = diffJson(before, after);
    expect(d.stageEmotion.find((s) => s.id === 'referral')).toEqual({ id: 'referral', name: 'Referral', old: -1, new: 1, delta: 2 });
    expect(d.stageEmotion.find((s) => s.id === 'scan')).toMatchObject({ old: 0, new: 0, delta: 0 });
    // The new version is a future map: a gap closed there is a planned closure; a deleted gap closed nothing.
    expect(d.gapsClosed).toEqual([]);
    expect(d.gapsPlanned).toEqual([{ id: 'long-wait', title: 'Six-week wait for a slot', how: 'planned' }]);
    expect(d.gapsRemoved).toEqual([{ id: 'slow-results', title: 'Results take three weeks', how: 'removed' }]);
    expect(d.gapsOpened).toEqual([
      { id: 'claustrophobia', title: 'No help for claustrophobic patients', how: 'reopened' },
      { id: 'app-only', title: 'Results only in the app', how: 'added' },
    ]);
  });

  it('text names every change', () => {
    const r = run(['diff', before, after]);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('Touchpoints: 1 added, 2 removed, 1 moved, 2 changed');
    expect(r.stdout).toContain('\u2192 reminder "Reminder call" Scan \u2192 Results');
    expect(r.stdout).toContain('~ gp-referral "GP refers and books the MRI in the same visit" [emotion -2 \u2192 +1]: name: "GP refers for an MRI" \u2192');
    expect(r.stdout).toContain('Referral: -1 \u2192 +1 (+2)');
    // An emotion change shows both values on the map's -2..2 scale, never the difference alone.
    expect(r.stdout).not.toMatch(/\[emotion [+\u2212-]\d\]/);
    expect(r.stdout).toContain('Gaps: 0 closed, 1 planned closure, 1 removed, 2 opened');
    expect(r.stdout).toContain('\u25cc planned closure long-wait "Six-week wait for a slot" (closed on the future map)');
    expect(r.stdout).toContain('- removed slow-results "Results take three weeks" (deleted from the map, not closed)');
    expect(r.stdout).not.toContain('\u2714 closed');
  });

  it('markdown suits a pull-request comment', () => {
    const r = run(['diff', before, after, '--format', 'markdown']);
    expect(r.stdout).toMatch(/^### Journey map changes: Outpatient MRI\n/);
    expect(r.stdout).toContain('#### Touchpoints: 1 added, 2 removed, 1 moved, 2 changed');
    expect(r.stdout).toContain('- **+** `results-app` "Results in the app" in Results (emotion +2)');
  });

  it('html shows both maps aligned, stage by stage, with labelled changes', () => {
    const r = run(['diff', before, after, '--format', 'html']);
    const html = r.stdout;
    expect(html).toMatch(/^<!DOCTYPE html>/);
    expect(html).not.toMatch(/<script|<link|https?:\/\//i);
    const scan = html.slice(html.indexOf('<h3>Scan'), html.indexOf('<h3>Results <span class="badge">+ added</span></h3>'));
    expect(scan).toContain('\u2192 moved to Results');
    expect(scan).toContain('<div class="empty">\u2192 moved to Results</div>');
    const results = html.slice(html.indexOf('<h3>Results <span class="badge">+ added</span></h3>'));
    expect(results).toContain('<span class="badge">+ added</span>');
    expect(results).toContain('\u2190 moved from Scan');
    expect(html).toContain('<div class="tp removed"><span class="badge">\u2212 removed</span><span class="name">Appointment letter arrives</span>');
    expect(html).toContain('\u25cc planned closure');
    expect(html).toContain('\u2212 removed, not closed');
    expect(html).not.toContain('\u2714 closed');
  });
});

describe('diff of the knee-replacement current and future states', () => {
  it('finds the future touchpoints, the moved control visit and the closed gaps', () => {
    const d = diffJson(knee, kneeFuture);
    expect(d.meta.find((f) => f.field === 'state')).toEqual({ field: 'state', old: 'current', new: 'future' });
    expect(d.touchpoints.filter((t) => t.kind === 'added').map((t) => t.id)).toEqual(expect.arrayContaining(['knee-quiz', 'app-checkin']));
    expect(d.touchpoints.find((t) => t.id === 'control-visit')).toMatchObject({ kind: 'moved', oldStage: 'ongoing', newStage: 'lifestyle' });
    expect(d.touchpoints.find((t) => t.id === 'scheduling-call')!.emotionDelta).toBeGreaterThan(0);
    expect(d.gapsClosed).toEqual([]);
    expect(d.gapsPlanned.map((g) => g.id)).toEqual(expect.arrayContaining(['long-holds', 'contact-hole']));
    expect(d.gapsRemoved.map((g) => g.id)).toEqual(['class-timing']);
    // The 290-day hole closes for all patients and for both segments.
    expect(d.holes.map((h) => [h.segment?.id ?? 'all', h.how, h.old?.days])).toEqual([
      ['all', 'closed', 290],
      ['smartphone-users', 'closed', 290],
      ['without-smartphone', 'closed', 290],
    ]);
    for (const s of d.stageEmotion) expect(s.delta).toBeGreaterThanOrEqual(0);
  });
});

describe('diff with git:REV:path', () => {
  let repo: string;
  const git = (...args: string[]) => execFileSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.org', '-c', 'commit.gpgsign=false', ...args], { cwd: repo, stdio: 'pipe' });

  beforeAll(() => {
    repo = mkdtempSync(join(tmpdir(), 'journeymap-diff-'));
    mkdirSync(join(repo, 'maps'));
    git('init', '-q');
    copyFileSync(join(root, before), join(repo, 'maps', 'mri.journey.yaml'));
    git('add', '.');
    git('commit', '-q', '-m', 'current state');
    copyFileSync(join(root, after), join(repo, 'maps', 'mri.journey.yaml'));
  });
  afterAll(() => rmSync(repo, { recursive: true, force: true }));

  it('reads the old map from a commit, relative to the current folder', () => {
    const fromRoot = diffJson(join(root, before), join(root, after));
    const d = diffJson('git:HEAD:maps/mri.journey.yaml', 'maps/mri.journey.yaml', repo);
    expect(d.touchpoints).toEqual(fromRoot.touchpoints);
    const inFolder = diffJson('git:HEAD:mri.journey.yaml', 'mri.journey.yaml', join(repo, 'maps'));
    expect(inFolder.gapsClosed).toEqual(fromRoot.gapsClosed);
    const text = run(['diff', 'git:HEAD:maps/mri.journey.yaml', 'maps/mri.journey.yaml'], { cwd: repo }).stdout;
    expect(text.split('\n')[0]).toBe('git:HEAD:maps/mri.journey.yaml (current) \u2192 maps/mri.journey.yaml (future)');
  });

  it('exits 2 with one clear line for a missing revision, path or malformed reference', () => {
    const noRev = run(['diff', 'git:no-such-branch:maps/mri.journey.yaml', 'maps/mri.journey.yaml'], { cwd: repo });
    expect(noRev.status).toBe(2);
    expect(noRev.stderr).toMatch(/^journeymap: cannot read git:no-such-branch:maps\/mri\.journey\.yaml: .+\n$/);
    const noPath = run(['diff', 'git:HEAD:maps/other.journey.yaml', 'maps/mri.journey.yaml'], { cwd: repo });
    expect(noPath.status).toBe(2);
    expect(noPath.stderr).toContain('cannot read git:HEAD:maps/other.journey.yaml');
    const malformed = run(['diff', 'git:HEAD', 'maps/mri.journey.yaml'], { cwd: repo });
    expect(malformed.status).toBe(2);
    expect(malformed.stderr).toContain('write git:REV:path');
  });

  it('exits 2 outside a git repository', () => {
    const outside = mkdtempSync(join(tmpdir(), 'journeymap-nogit-'));
    try {
      writeFileSync(join(outside, 'm.journey.yaml'), 'journeymap: 1\ntitle: T\nstages:\n  - id: s\n    name: S\n');
      const r = run(['diff', 'git:HEAD:m.journey.yaml', 'm.journey.yaml'], { cwd: outside, env: { GIT_CEILING_DIRECTORIES: tmpdir() } });
      expect(r.status).toBe(2);
      expect(r.stderr).toMatch(/^journeymap: cannot read git:HEAD:m\.journey\.yaml: /);
    } finally {
      rmSync(outside, { recursive: true, force: true });
    }
  });

  it('reports an invalid map as validate does and exits 1', () => {
    const r = run(['diff', before, 'examples/invalid/duplicate-id.journey.yaml']);
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('duplicate-id');
  });
});

describe('an honest diff of gaps and contact holes', () => {
  const base = {
    journeymap: 1,
    title: 'Rehab',
    state: 'current',
    milestones: [{ id: 'discharge', name: 'Discharge' }],
    segments: [
      { id: 'app', name: 'App users' },
      { id: 'phone', name: 'Phone only' },
    ],
    stages: [{ id: 'home', name: 'Home', touchpoints: [{ id: 'visit', name: 'Visit', channel: 'in-person', initiator: 'service', timing: { at: '0d' } }, { id: 'review', name: 'Review', channel: 'in-person', initiator: 'service', timing: { at: '+6mo' } }] }],
    gaps: [
      { id: 'done', title: 'Fixed for good', stage: 'home', opportunity: 'x', status: 'open' },
      { id: 'deleted', title: 'Deleted gap', stage: 'home', opportunity: 'x' },
    ],
    outreach: [{ id: 'checkin', name: 'Monthly check-in', stage: 'home', channel: 'mail', status: 'live', purpose: 'treatment', timing: { at: '+1mo', every: '1mo', until: '+5mo' } }],
  };

  it('on a current map: closed is closed, removed is removed, and a segment losing its check-ins opens a hole for it alone', () => {
    const dir = mkdtempSync(join(tmpdir(), 'jm-diff-honest-'));
    const after = structuredClone(base) as typeof base & { outreach: Record<string, unknown>[] };
    after.gaps = [{ ...base.gaps[0], status: 'closed' }];
    after.outreach = [{ ...base.outreach[0], segments: ['app'] }];
    writeFileSync(join(dir, 'before.journey.yaml'), JSON.stringify(base));
    writeFileSync(join(dir, 'after.journey.yaml'), JSON.stringify(after));
    const d = diffJson('before.journey.yaml', 'after.journey.yaml', dir);
    expect(d.gapsClosed).toEqual([{ id: 'done', title: 'Fixed for good', how: 'closed' }]);
    expect(d.gapsPlanned).toEqual([]);
    expect(d.gapsRemoved).toEqual([{ id: 'deleted', title: 'Deleted gap', how: 'removed' }]);
    expect(d.holes).toMatchObject([{ segment: { id: 'phone', name: 'Phone only' }, how: 'opened', new: { days: 181 } }]);
    const text = run(['diff', 'before.journey.yaml', 'after.journey.yaml'], { cwd: dir }).stdout;
    expect(text).toContain('Gaps: 1 closed, 0 planned closures, 1 removed, 0 opened');
    expect(text).toContain('\u2714 closed done "Fixed for good" (status closed)');
    expect(text).toContain('Contact holes: 0 closed, 1 opened, 0 changed');
    expect(text).toContain('! opened for Phone only: 181 days (6 months), from day of discharge to 6 months after discharge');
  });
});
