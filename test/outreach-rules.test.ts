import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { run } from './helpers/cli.js';

interface Finding {
  ruleId: string;
  severity: string;
  message: string;
  path: string;
  line: number;
}

/** A one-stage map around surgery with `outreach` (and extra top-level keys), analysed by the real CLI. */
function analyze(outreach: Record<string, unknown>[], extra: Record<string, unknown> = {}, args: string[] = []): Finding[] {
  const dir = mkdtempSync(join(tmpdir(), 'jm-outreach-'));
  const map = {
    journeymap: 1,
    title: 'Outreach rules',
    kind: 'patient',
    personas: [{ id: 'maria', name: 'Maria' }],
    milestones: [{ id: 'surgery', name: 'Surgery' }],
    stages: [{ id: 'care', name: 'Care', touchpoints: [{ id: 'operation', name: 'Operation', channel: 'in-person', initiator: 'service', timing: { at: '0d' } }] }],
    outreach: outreach.map((o, i) => ({ id: `o${i + 1}`, name: `Item ${i + 1}`, stage: 'care', status: 'live', purpose: 'treatment', ...o })),
    ...extra,
  };
  writeFileSync(join(dir, 'map.journey.yaml'), stringify(map));
  const r = run(['analyze', 'map.journey.yaml', '--format', 'json', ...args], { cwd: dir });
  expect(r.stderr).toBe('');
  return (JSON.parse(r.stdout) as { maps: { findings: Finding[] }[] }).maps[0].findings;
}
const of = (findings: Finding[], rule: string) => findings.filter((f) => f.ruleId === rule);

describe('healthcare-exemption', () => {
  it('is an error for marketing, and fine for treatment', () => {
    const marketing = of(analyze([{ channel: 'sms', consent: 'healthcare-exemption', purpose: 'marketing', timing: { at: '+1d' } }]), 'healthcare-exemption-purpose');
    expect(marketing).toMatchObject([{ severity: 'error', path: 'outreach[0].consent' }]);
    expect(of(analyze([{ channel: 'sms', consent: 'healthcare-exemption', purpose: 'treatment', timing: { at: '+1d' } }]), 'healthcare-exemption-purpose')).toEqual([]);
  });

  it('allows at most 1 call or text a day and 3 a week, counting only what counts as contact', () => {
    const daily = of(analyze([{ channel: 'sms', consent: 'healthcare-exemption', timing: { at: '+1d', every: '1d', until: '+4w' } }]), 'healthcare-exemption-frequency');
    expect(daily).toMatchObject([{ severity: 'error', path: 'outreach[0].timing' }]);
    expect(daily[0].message).toContain('sends 7 in 7 days');
    const twiceADay = of(analyze([{ channel: 'phone', consent: 'healthcare-exemption', timing: { at: '+1d', every: '12h', until: '+2d' } }]), 'healthcare-exemption-frequency');
    expect(twiceADay[0].message).toContain('sends 2 a day');
    // Three a week is allowed; so is a daily text that is only an idea, or one sent by email.
    expect(of(analyze([{ channel: 'sms', consent: 'healthcare-exemption', timing: { at: '+1d', every: '3d', until: '+6w' } }]), 'healthcare-exemption-frequency')).toEqual([]);
    for (const status of ['idea', 'paused', 'retired', 'planned']) {
      expect(of(analyze([{ channel: 'sms', consent: 'healthcare-exemption', status, timing: { at: '+1d', every: '1d', until: '+4w' } }]), 'healthcare-exemption-frequency'), status).toEqual([]);
    }
    expect(of(analyze([{ channel: 'email', consent: 'healthcare-exemption', timing: { at: '+1d', every: '1d', until: '+4w' } }]), 'healthcare-exemption-frequency')).toEqual([]);
  });

  it('counts all exempted calls and texts together, per segment', () => {
    const items = [
      { channel: 'sms', consent: 'healthcare-exemption', timing: { at: '+1d', every: '1w', until: '+4w' } },
      { channel: 'phone', consent: 'healthcare-exemption', timing: { at: '+2d', every: '1w', until: '+4w' } },
      { channel: 'sms', consent: 'healthcare-exemption', timing: { at: '+3d', every: '1w', until: '+4w' } },
      { channel: 'sms', consent: 'healthcare-exemption', timing: { at: '+5d' } },
    ];
    // Three a week from three items is allowed; a fourth in the same week is not.
    expect(of(analyze(items.slice(0, 3)), 'healthcare-exemption-frequency')).toEqual([]);
    expect(of(analyze(items), 'healthcare-exemption-frequency').map((f) => f.message)).toEqual([
      'outreach "Item 1", "Item 2", "Item 3", "Item 4" send together 4 in 7 days under `healthcare-exemption`; the exemption allows at most 1 a day and 3 a week (FCC 2015): ask for consent, or send less often',
    ]);
    const segments = { segments: [{ id: 'a', name: 'A' }, { id: 'b', name: 'B' }] };
    const split = items.map((o, i) => (i === 3 ? { ...o, segments: ['b'] } : { ...o, segments: ['a'] }));
    expect(of(analyze(split, segments), 'healthcare-exemption-frequency')).toEqual([]);
  });
});

describe('marketing-consent', () => {
  it('needs express-written for texts and calls, opt-in or an opt-out with an unsubscribe for email', () => {
    const findings = analyze([
      { channel: 'sms', consent: 'express', purpose: 'marketing', timing: { at: '+1w' } },
      { channel: 'phone', consent: 'express-written', purpose: 'marketing', timing: { at: '+2w' } },
      { channel: 'email', consent: 'opt-out', purpose: 'marketing', timing: { at: '+3w' } },
      { channel: 'email', consent: 'opt-out', purpose: 'marketing', description: 'Newsletter with an unsubscribe link', timing: { at: '+4w' } },
      { channel: 'email', consent: 'opt-in', purpose: 'marketing', timing: { at: '+5w' } },
      { channel: 'email', consent: 'transactional', purpose: 'treatment', timing: { at: '+6w' } },
    ]);
    expect(of(findings, 'marketing-consent').map((f) => f.path)).toEqual(['outreach[0].consent', 'outreach[2].consent']);
    expect(of(findings, 'marketing-consent')[0]).toMatchObject({ severity: 'error' });
  });
});

describe('purpose-missing and consent-missing', () => {
  it('warns on an outreach item without purpose or consent', () => {
    const findings = analyze([{ channel: 'sms', purpose: undefined, timing: { at: '+1w' } }, { channel: 'sms', consent: 'express', timing: { at: '+2w' } }]);
    expect(of(findings, 'purpose-missing')).toMatchObject([{ severity: 'warning', path: 'outreach[0].id' }]);
    expect(of(findings, 'consent-missing')).toMatchObject([{ severity: 'warning', path: 'outreach[0].channel' }]);
  });
});

describe('contact-frequency', () => {
  const busy = [
    { channel: 'mail', timing: { at: '+1d' } },
    { channel: 'mail', timing: { at: '+2d' } },
    { channel: 'mail', timing: { at: '+3d' } },
    { channel: 'mail', timing: { at: '+4d' } },
  ];
  it('warns at more than 3 contacts in 7 days, and the limit is configurable in the map', () => {
    expect(of(analyze(busy), 'contact-frequency')).toMatchObject([{ severity: 'warning', message: '4 contacts in 7 days (limit 3), from "Item 1", "Item 2", "Item 3", "Item 4"' }]);
    expect(of(analyze(busy.slice(0, 3)), 'contact-frequency')).toEqual([]);
    expect(of(analyze(busy, { thresholds: { maxContactsPerWeek: 4 } }), 'contact-frequency')).toEqual([]);
  });

  it('counts per segment: what reaches one segment only does not crowd the other', () => {
    const segments = [
      { id: 'app', name: 'App users' },
      { id: 'phone', name: 'Phone only' },
    ];
    const findings = analyze([...busy.slice(0, 3), { channel: 'mail', segments: ['phone'], timing: { at: '+4d' } }], { segments });
    expect(of(findings, 'contact-frequency').map((f) => f.message)).toEqual(['4 contacts to Phone only in 7 days (limit 3), from "Item 1", "Item 2", "Item 3", "Item 4"']);
  });
});

describe('phi-in-text', () => {
  it('names the words that look like PHI anywhere, and persona names and codes in outreach text', () => {
    const findings = analyze([{ channel: 'email', consent: 'transactional', description: 'Maria: your CPT 27447 (ICD-10 M17.11) visit', timing: { at: '+1w' } }], {
      description: 'Call 555-123-4567, SSN 123-45-6789, MRN 1234567, DOB 1956-03-14, j.doe@example.org',
    });
    const phi = of(findings, 'phi-in-text').sort((a, b) => a.path.localeCompare(b.path));
    expect(phi.map((f) => f.path)).toEqual(['description', 'outreach[0].description']);
    expect(phi[0].message).toContain('a phone number (555-123-4567)');
    expect(phi[0].message).toContain('a Social Security number (123-45-6789)');
    expect(phi[0].message).toContain('a medical record number (MRN 1234567)');
    expect(phi[0].message).toContain('a date of birth (DOB 1956-03-14)');
    expect(phi[0].message).toContain('an e-mail address (j.doe@example.org)');
    expect(phi[1].message).toContain("a persona's name (Maria)");
    expect(phi[1].message).toContain('a CPT code (CPT 27447)');
    expect(phi[1].message).toContain('an ICD-10 code (ICD-10 M17.11)');
  });

  it('stays quiet on ordinary text, and on a persona name outside outreach', () => {
    const findings = analyze([{ channel: 'email', consent: 'transactional', description: 'Checklist for the 6-week visit, 3 pages', timing: { at: '+1w' } }], { description: 'Maria waits 12 weeks; 48,000 members; call the nurse line' });
    expect(of(findings, 'phi-in-text')).toEqual([]);
  });
});

describe('rules are configurable', () => {
  it('a rule can be switched off or made an error in the configuration', () => {
    const dir = mkdtempSync(join(tmpdir(), 'jm-outreach-config-'));
    writeFileSync(join(dir, 'journeymap.config.yaml'), 'analyze:\n  rules:\n    purpose-missing: "off"\n    phi-in-text: error\n');
    const map = {
      journeymap: 1,
      title: 'Config',
      description: 'Call 555-123-4567',
      milestones: [{ id: 'surgery', name: 'Surgery' }],
      stages: [{ id: 'care', name: 'Care', touchpoints: [{ id: 'op', name: 'Op', channel: 'in-person' }] }],
      outreach: [{ id: 'letter', name: 'Letter', stage: 'care', channel: 'mail', status: 'live', timing: { at: '+1d' } }],
    };
    writeFileSync(join(dir, 'map.journey.yaml'), stringify(map));
    const r = run(['analyze', 'map.journey.yaml', '--format', 'json'], { cwd: dir });
    const findings = (JSON.parse(r.stdout) as { maps: { findings: Finding[] }[] }).maps[0].findings;
    expect(of(findings, 'purpose-missing')).toEqual([]);
    expect(of(findings, 'phi-in-text')).toMatchObject([{ severity: 'error' }]);
    expect(r.status).toBe(1);
  });
});
