import { describe, expect, it } from 'vitest';
import { DAY_ZERO, MAX_OCCURRENCES, addOffset, dayOf, daysBetween, expandTiming, formatDate, parseDate, parseOffset, placeMilestones, type ExpandedTiming } from '../src/model/calendar.js';
import type { Milestone, Timing } from '../src/types/journeymap.js';

const d = (text: string) => {
  const date = parseDate(text);
  if (!date) throw new Error(`not a date: ${text}`);
  return date;
};
const at = (date: string, offset: string, times?: number) => formatDate(addOffset(d(date), offset, times));

describe('calendar arithmetic', () => {
  it('moves months on the calendar and clamps the day to the month end', () => {
    expect(at('2027-01-31', '+1mo')).toBe('2027-02-28');
    expect(at('2028-01-31', '+1mo')).toBe('2028-02-29');
    expect(at('2027-03-31', '-1mo')).toBe('2027-02-28');
    expect(at('2027-01-31', '+1mo', 2)).toBe('2027-03-31');
    expect(at('2027-11-15', '+3mo')).toBe('2028-02-15');
    expect(at('2027-03-15', '-6mo')).toBe('2026-09-15');
    expect(at('2028-02-29', '+1y')).toBe('2029-02-28');
    expect(at('2027-03-15', '+2y')).toBe('2029-03-15');
  });

  it('treats hours, days and weeks as exact durations', () => {
    expect(at('2027-03-15', '-6w')).toBe('2027-02-01');
    expect(at('2027-03-15', '+2d')).toBe('2027-03-17');
    expect(at('2027-03-15', '+36h')).toBe('2027-03-16T12:00');
    // 14 March 2027 is a daylight-saving change in the US: floating times keep the wall clock.
    expect(at('2027-03-13T09:00', '+1d')).toBe('2027-03-14T09:00');
    expect(at('2027-03-13T09:00', '+1w')).toBe('2027-03-20T09:00');
  });

  it('takes fractions of months at the average month, to the minute', () => {
    expect(at('2027-01-01', '0.5mo')).toBe('2027-01-16T05:15');
    expect(at('2027-01-01', '1.5y')).toBe('2028-07-01');
  });

  it('parses offsets, dates and counts days', () => {
    expect(parseOffset('-6w')).toEqual({ sign: -1, amount: 6, unit: 'w' });
    expect(parseOffset('6 weeks')).toBeUndefined();
    expect(parseDate('2027-02-29')).toBeUndefined();
    expect(parseDate('2027-13-01')).toBeUndefined();
    expect(formatDate(DAY_ZERO)).toBe('2001-01-01');
    expect(dayOf(d('2001-03-01'))).toBe(59);
    expect(daysBetween(d('2027-01-31'), d('2027-02-28T18:00'))).toBe(28);
  });
});

const knee: Milestone[] = [
  { id: 'decision', name: 'Decision' },
  { id: 'surgery', name: 'Surgery', milestone: 'decision', at: '+2mo' },
  { id: 'discharge', name: 'Discharge', milestone: 'surgery', at: '+2d' },
];

describe('placing milestones', () => {
  it('anchors a map without dates on DAY_ZERO and places the others from it', () => {
    const dates = placeMilestones(knee, new Map(), { anchor: DAY_ZERO });
    expect([...dates].map(([id, date]) => `${id}=${formatDate(date)}`)).toEqual(['decision=2001-01-01', 'surgery=2001-03-01', 'discharge=2001-03-03']);
  });

  it('places milestones relative to a given date and leaves the rest undated without an anchor', () => {
    const dates = placeMilestones(knee, new Map([['surgery', d('2027-03-15')]]));
    expect(formatDate(dates.get('discharge')!)).toBe('2027-03-17');
    expect(dates.has('decision')).toBe(false);
  });

  it('places a chain of 20,000 milestones without overflowing the stack', () => {
    const chain: Milestone[] = [{ id: 'm0', name: 'start' }];
    for (let i = 1; i < 20_000; i++) chain.push({ id: `m${i}`, name: `m${i}`, milestone: `m${i - 1}`, at: '+1d' });
    const dates = placeMilestones(chain.reverse(), new Map(), { anchor: DAY_ZERO });
    expect(dayOf(dates.get('m19999')!)).toBe(19_999);
  });
});

describe('expanding a timing', () => {
  const dates = placeMilestones(knee, new Map([['surgery', d('2027-01-31')]]));
  const expand = (timing: Timing) => {
    const e = expandTiming(timing, dates, { defaultMilestone: 'surgery' }) as ExpandedTiming;
    return e.occurrences.map(formatDate);
  };

  it('gives one occurrence for a moment, and for a window without every (at its start)', () => {
    expect(expand({ milestone: 'surgery', at: '-6w' })).toEqual(['2026-12-20']);
    expect(expand({ milestone: 'surgery', from: '+1w', to: '+12w' })).toEqual(['2027-02-07']);
    expect(expand({ at: '+1d' })).toEqual(['2027-02-01']);
  });

  it('repeats from the start until `until`, else to the window end, month-end clamped from the first', () => {
    expect(expand({ milestone: 'surgery', at: '0d', every: '1mo', until: '+3mo' })).toEqual(['2027-01-31', '2027-02-28', '2027-03-31', '2027-04-30']);
    expect(expand({ milestone: 'surgery', from: '+1w', to: '+4w', every: '1w' })).toEqual(['2027-02-07', '2027-02-14', '2027-02-21', '2027-02-28']);
    expect(expand({ milestone: 'discharge', at: '+1d', every: '1d', until: '+3d' })).toEqual(['2027-02-03', '2027-02-04', '2027-02-05']);
    expect(expand({ milestone: 'surgery', at: '+1y', every: '1y' })).toEqual(['2028-01-31']);
  });

  it('names the milestone it needs when that has no date, and bounds repetitions', () => {
    expect(expandTiming({ milestone: 'decision', at: '+1d' }, dates)).toEqual({ missing: 'decision' });
    expect(expandTiming({ milestone: 'surgery', at: 'soon' }, dates)).toBeUndefined();
    const many = expandTiming({ milestone: 'surgery', at: '0d', every: '1h', until: '+5y' }, dates) as ExpandedTiming;
    expect(many.occurrences).toHaveLength(MAX_OCCURRENCES);
    expect(many.truncated).toBe(true);
  });
});
