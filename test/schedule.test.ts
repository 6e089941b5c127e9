import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { root, run } from './helpers/cli.js';
import { tempDir } from './helpers/render.js';

const KNEE = 'examples/knee-replacement.journey.yaml';
const FORMS = 'test/fixtures/schedule/timing-forms.journey.yaml';

interface JsonContact {
  date: string;
  time: string;
  uid: string;
  outreach: string;
  occurrence: number;
  stage: { id: string; name: string };
  channel: { id: string; name: string };
  consent: string | null;
  status: string;
  personas: { id: string; name: string }[];
  segments: string[];
}

function json(args: string[], env: Record<string, string> = {}): { contacts: JsonContact[]; holes: { start: string; end: string; days: number }[]; milestones: { id: string; date: string | null; given: boolean }[] } {
  const r = run(['schedule', ...args, '--format', 'json'], { env });
  expect(r.status, r.stderr).toBe(0);
  return JSON.parse(r.stdout);
}

/** The 1-based line of a top-level key in a map. */
const lineOf = (file: string, key: string) => readFileSync(join(root, file), 'utf8').split('\n').indexOf(key) + 1;

const rows = (contacts: JsonContact[]) => contacts.map((c) => `${c.date}${c.time ? `T${c.time}` : ''} ${c.outreach} #${c.occurrence}`);

/** The VEVENTs of a calendar as ical.js reads them. */
function events(ics: string): { uid: string; start: string; allDay: boolean; summary: string; status: string; description: string }[] {
  const calendar = new ICAL.Component(ICAL.parse(ics));
  return calendar.getAllSubcomponents('vevent').map((v) => {
    const event = new ICAL.Event(v);
    return { uid: event.uid, start: event.startDate.toString(), allDay: event.startDate.isDate, summary: event.summary, status: String(v.getFirstPropertyValue('status')), description: event.description };
  });
}

describe('journeymap schedule on the knee example, surgery on 15 March 2027', () => {
  it('gives exactly the expected dated contacts', () => {
    const schedule = json([KNEE, '--milestone', 'surgery=2027-03-15']);
    expect(rows(schedule.contacts)).toEqual([
      '2026-11-30 referral-letter #1', // 15 weeks before surgery
      '2027-02-08 education-email #1', // 5 weeks before surgery
      '2027-03-18 reminder-sms #1', // a window from 1 day after discharge (surgery + 2 days): one contact at its start
      '2027-03-19 checkin-call #1', // 2 days after discharge
      '2027-03-19 experience-survey #1',
      '2028-02-15 followup-invite #1', // 11 months after surgery, on the calendar
      '2028-03-15 annual-wellness-email #1', // 12 months after surgery, every year until 3 years
      '2029-03-15 annual-wellness-email #2',
      '2030-03-15 annual-wellness-email #3',
    ]);
    const checkin = schedule.contacts.find((c) => c.outreach === 'checkin-call')!;
    expect(checkin).toMatchObject({ stage: { id: 'lifestyle', name: 'Behavioral/Lifestyle Change' }, channel: { id: 'phone', name: 'Phone' }, consent: 'express', status: 'live' });
    expect(checkin.personas.map((p) => p.id)).toEqual(['maria', 'robert']);
    expect(schedule.milestones).toEqual([
      { id: 'surgery', name: 'Surgery', date: '2027-03-15', given: true },
      { id: 'discharge', name: 'Discharge', date: '2027-03-17', given: false },
    ]);
  });

  it('writes an RFC 5545 calendar that ical.js reads: one event a contact, all-day, with stable UIDs', () => {
    const r = run(['schedule', KNEE, '--milestone', 'surgery=2027-03-15']);
    expect(r.status, r.stderr).toBe(0);
    const found = events(r.stdout);
    expect(found.map((e) => `${e.start} ${e.uid}`)).toEqual(json([KNEE, '--milestone', 'surgery=2027-03-15']).contacts.map((c) => `${c.date} ${c.uid}`));
    expect(found.every((e) => e.allDay)).toBe(true);
    expect(new Set(found.map((e) => e.uid)).size).toBe(found.length);
    expect(found[0]).toMatchObject({ uid: 'referral-letter-1.knee-replacement@journeymap', summary: 'Referral confirmation letter (Mail)', status: 'CONFIRMED' });
    expect(found[0].description).toContain('Consent basis: transactional');
    // Surgery moved a week: the same UIDs at new dates, so a calendar re-importing it updates each event.
    const moved = events(run(['schedule', KNEE, '--milestone', 'surgery=2027-03-22']).stdout);
    expect(moved.map((e) => e.uid)).toEqual(found.map((e) => e.uid));
    expect(moved[0].start).toBe('2026-12-07');
  });

  it("dates the analysis's holes by the contacts around them, on the schedule's calendar", () => {
    const schedule = json([KNEE, '--milestone', 'surgery=2027-03-15']);
    expect(schedule.holes.length).toBeGreaterThan(0);
    const hole = schedule.holes.find((h) => h.end === '2028-02-15')!;
    // The 12-month review invitation ends it: the hole ends on that contact's date, not a day or two off.
    expect(schedule.contacts.find((c) => c.outreach === 'followup-invite')!.date).toBe(hole.end);
    expect(hole.start < hole.end).toBe(true);
  });

  it('is the same bytes on every run and in every time zone', () => {
    const outputs = ['UTC', 'America/New_York', 'Australia/Lord_Howe'].map((TZ) => run(['schedule', KNEE, '-m', 'surgery=2027-03-15T09:00'], { env: { TZ } }).stdout);
    expect(outputs[1]).toBe(outputs[0]);
    expect(outputs[2]).toBe(outputs[0]);
    expect(outputs[0]).toContain('DTSTAMP:20261125T000000Z');
  });

  it('writes CSV for a CRM import, one row a contact', () => {
    const r = run(['schedule', KNEE, '-m', 'surgery=2027-03-15', '--format', 'csv']);
    const lines = r.stdout.split('\r\n');
    expect(lines[0]).toBe('date,time,outreach_id,outreach,occurrence,stage_id,stage,channel_id,channel,consent,purpose,status,personas,segments,milestone,timing,uid');
    expect(lines[1]).toBe('2026-11-30,,referral-letter,Referral confirmation letter,1,help,Help,mail,Mail,transactional,operations,live,maria robert,,surgery,15 weeks before surgery,referral-letter-1.knee-replacement@journeymap');
    expect(lines).toHaveLength(9 + 2);
  });

  it('reports the contact holes around the dates as warnings on stderr, and still writes the schedule', () => {
    const out = join(tempDir('schedule'), 'knee.ics');
    const r = run(['schedule', KNEE, '-m', 'surgery=2027-03-15', '--out', out]);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^journeymap: warning: examples\/knee-replacement\.journey\.yaml: contact hole of \d+ days \(\d+ months\) from 2027-\d\d-\d\d to 2028-02-15 \(from \d+ weeks after surgery to 11 months after surgery; gap `contact-hole`/m);
    expect(r.stderr).toContain(`wrote ${out} (9 contacts)`);
    expect(events(readFileSync(out, 'utf8'))).toHaveLength(9);
  });
});

describe('every timing form, with surgery on 31 January 2027', () => {
  const schedule = () => json([FORMS, '-m', 'surgery=2027-01-31', '-m', 'review=2028-01-31']);

  it('expands at, from/to, every and until, hours, default and relative milestones, month ends', () => {
    expect(rows(schedule().contacts)).toEqual([
      '2026-12-20 moment #1', // at: -6w
      '2027-01-31 every-until #1', // at: 0d, every: 1mo, until: +4mo: counted from its first occurrence, the day clamped to each month's end
      '2027-01-31T12:00 hours #1', // at: +12h: a time of day, so a timed event
      '2027-02-01 default-milestone #1', // no milestone: the map's first (surgery)
      '2027-02-04 relative #1', // discharge (surgery + 2 days) + 2 days
      '2027-02-04 window #1', // from +2d to +6w without every: one contact, at the window's start
      '2027-02-09 window-every #1', // from +1w to +4w every 1w: until the window's end
      '2027-02-16 window-every #2',
      '2027-02-23 window-every #3',
      '2027-02-28 every-until #2', // 31 January + 1 month: 28 February
      '2027-02-28 month-later #1', // at: +1mo from 31 January
      '2027-02-28 ivr #1',
      '2027-03-02 window-every #4',
      '2027-03-28 ivr #2', // its first occurrence was 28 February: a month after that
      '2027-03-31 every-until #3', // back to the 31st: each repetition counts from the first, not from the last
      '2027-04-30 every-until #4',
      '2027-05-31 every-until #5', // until +4mo, inclusive
      '2028-01-31 annual #1', // its own milestone, given separately
    ]);
  });

  it('takes +1mo from 31 January 2028 to 29 February in a leap year', () => {
    const leap = json([FORMS, '-m', 'surgery=2028-01-31', '-m', 'review=2029-01-31']);
    expect(rows(leap.contacts.filter((c) => c.outreach === 'month-later'))).toEqual(['2028-02-29 month-later #1']);
  });

  it('keeps wall-clock time across a daylight-saving change: floating dates, in any time zone', () => {
    // US clocks go forward on 14 March 2027. 12 hours after 21:00 on the 13th is 09:00 on the 14th, and
    // weekly contacts stay at 21:00, whatever the machine's zone.
    for (const TZ of ['America/New_York', 'Europe/Berlin', 'UTC']) {
      const dst = json([FORMS, '-m', 'surgery=2027-03-13T21:00', '-m', 'review=2028-03-13'], { TZ });
      expect(rows(dst.contacts.filter((c) => ['hours', 'window-every'].includes(c.outreach))), TZ).toEqual([
        '2027-03-14T09:00 hours #1',
        '2027-03-22T21:00 window-every #1',
        '2027-03-29T21:00 window-every #2',
        '2027-04-05T21:00 window-every #3',
        '2027-04-12T21:00 window-every #4',
      ]);
    }
    const ics = events(run(['schedule', FORMS, '-m', 'surgery=2027-03-13T21:00', '-m', 'review=2028-03-13'], { env: { TZ: 'America/New_York' } }).stdout);
    const hours = ics.find((e) => e.uid.startsWith('hours-1.'))!;
    expect(hours).toMatchObject({ start: '2027-03-14T09:00:00', allDay: false });
  });

  it('says which outreach has no timing, on stderr', () => {
    const r = run(['schedule', FORMS, '-m', 'surgery=2027-01-31', '-m', 'review=2028-01-31', '--format', 'csv']);
    expect(r.stderr).toMatch(/^journeymap: note: test\/fixtures\/schedule\/timing-forms\.journey\.yaml:\d+:1: outreach `untimed` \(Newsletter with no timing\) has no timing/m);
  });

  it('keeps one persona or one segment with --persona and --segment', () => {
    const ids = (args: string[]) => [...new Set(json([FORMS, '-m', 'surgery=2027-01-31', '-m', 'review=2028-01-31', ...args]).contacts.map((c) => c.outreach))];
    expect(ids(['--persona', 'ana'])).not.toContain('ivr');
    expect(ids(['--persona', 'ana'])).toContain('every-until');
    expect(ids(['--persona', 'ben'])).toContain('ivr');
    expect(ids(['--persona', 'ben'])).not.toContain('every-until');
    expect(ids(['--segment', 'no-smartphone'])).toContain('ivr');
    expect(ids(['--segment', 'no-smartphone'])).toContain('moment');
  });

  it('does not need a milestone that only filtered-out contacts count from', () => {
    const dir = tempDir('schedule-filter');
    const map = join(dir, 'm.journey.yaml');
    writeFileSync(map, readFileSync(join(root, FORMS), 'utf8').replace('timing: { milestone: review, at: 0d }', 'segments: [no-smartphone]\n    timing: { milestone: review, at: 0d }'));
    expect(run(['schedule', map, '-m', 'surgery=2027-01-31', '--persona', 'ana', '--format', 'json']).status).toBe(0);
    expect(run(['schedule', map, '-m', 'surgery=2027-01-31', '--persona', 'ben', '--format', 'json']).status).toBe(2);
  });
});

describe('contact holes of one segment', () => {
  const SEG = 'test/fixtures/schedule/segment-hole.journey.yaml';
  const stderr = (args: string[]) => run(['schedule', SEG, '-m', 'surgery=2027-01-01', '--format', 'csv', ...args]).stderr;

  it('warns of the hole the all-patients view hides, with --segment or a persona of that segment', () => {
    const warning = 'journeymap: warning: test/fixtures/schedule/segment-hole.journey.yaml: contact hole for No smartphone of 364 days (12 months) from 2027-01-02 to 2028-01-01 (from 1 day after surgery to 12 months after surgery)\n';
    expect(stderr([])).toBe('');
    expect(stderr(['--segment', 'smartphone'])).toBe('');
    expect(stderr(['--segment', 'no-smartphone'])).toBe(warning);
    expect(stderr(['--persona', 'ben'])).toBe(warning);
  });
});

describe('schedule errors', () => {
  it('names a milestone a contact needs without a date, located, exit 2', () => {
    const r = run(['schedule', FORMS, '-m', 'surgery=2027-01-31']);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^journeymap: test\/fixtures\/schedule\/timing-forms\.journey\.yaml:\d+:\d+: outreach `annual` counts from milestone `review` \(Annual review\), which has no date: give it with --milestone review=YYYY-MM-DD\n$/);
  });

  it('does not date a milestone from one placed after it: discharge alone leaves surgery without a date', () => {
    const r = run(['schedule', KNEE, '-m', 'discharge=2027-03-17']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('counts from milestone `surgery` (Surgery), which has no date');
  });

  it.each([
    [['-m', 'surgery'], 'journeymap: --milestone wants ID=DATE, e.g. --milestone surgery=2027-03-15; got "surgery"\n'],
    [['-m', 'surgery=2027-02-29'], 'journeymap: --milestone surgery: "2027-02-29" is not a date; write YYYY-MM-DD, or YYYY-MM-DDTHH:MM for a time of day\n'],
    [['-m', 'surgery=2027-03-15', '-m', 'surgery=2027-03-16'], 'journeymap: --milestone surgery is given twice\n'],
    [['-m', 'surgeri=2027-03-15'], `journeymap: examples/knee-replacement.journey.yaml:${lineOf(KNEE, 'milestones:')}:1: the map has no milestone \`surgeri\`; its milestones are surgery, discharge\n`],
    [['-m', 'surgery=2027-03-15', '--persona', 'bob'], `journeymap: examples/knee-replacement.journey.yaml:${lineOf(KNEE, 'personas:')}:1: the map has no persona \`bob\`; its personas are maria, robert\n`],
  ])('%j: one line, exit 2', (args, message) => {
    const r = run(['schedule', KNEE, ...args]);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(message);
  });

  it('reports an invalid map as validate does, exit 1, and writes nothing', () => {
    const out = join(tempDir('schedule-invalid'), 'x.ics');
    const r = run(['schedule', 'examples/invalid/duplicate-id.journey.yaml', '-m', 'surgery=2027-03-15', '--out', out]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('duplicate-id.journey.yaml:13:13  error  id `surgery` is already used');
    expect(existsSync(out)).toBe(false);
  });
});
