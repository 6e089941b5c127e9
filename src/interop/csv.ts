import { offsetInWords } from '../model/timing.js';
import type { JourneyMap, Timing } from '../types/journeymap.js';

const COLUMNS = ['record', 'stage_id', 'stage', 'id', 'name', 'channel', 'emotion', 'personas', 'actor', 'owner', 'timing', 'severity', 'status', 'opportunity', 'touchpoints', 'description'] as const;
type Row = Partial<Record<(typeof COLUMNS)[number], string | number | undefined>>;

/**
 * One CSV of the map's touchpoints and gaps, a `record` column telling them apart, so a spreadsheet can
 * filter and pivot them. RFC 4180: CRLF line ends, fields quoted when needed.
 */
export function toCsv(map: JourneyMap): string {
  const stageName = new Map(map.stages.map((s) => [s.id, s.name]));
  const milestoneName = new Map((map.milestones ?? []).map((m) => [m.id, m.name]));
  const when = (timing: Timing | undefined) => timingText(timing, (id) => milestoneName.get(id ?? map.milestones?.[0]?.id ?? '') ?? id ?? 'the start');
  const rows: Row[] = [];
  for (const s of map.stages) {
    for (const t of s.touchpoints ?? []) {
      rows.push({ record: 'touchpoint', stage_id: s.id, stage: s.name, id: t.id, name: t.name, channel: t.channel, emotion: t.emotion, personas: t.personas?.join(' '), actor: t.actor, owner: t.owner, timing: when(t.timing), description: t.description });
    }
  }
  for (const g of map.gaps ?? []) {
    rows.push({ record: 'gap', stage_id: g.stage, stage: stageName.get(g.stage), id: g.id, name: g.title, owner: g.owner, severity: g.severity ?? 'medium', status: g.status ?? 'open', opportunity: g.opportunity, touchpoints: g.touchpoints?.join(' '), description: g.description });
  }
  return [COLUMNS.join(','), ...rows.map((r) => COLUMNS.map((c) => cell(r[c])).join(','))].join('\r\n') + '\r\n';
}

function timingText(timing: Timing | undefined, milestone: (id: string | undefined) => string): string | undefined {
  if (!timing) return undefined;
  if (timing.label) return timing.label;
  const name = milestone(timing.milestone).toLowerCase();
  if (timing.at) return offsetInWords(timing.at, name) + (timing.every ? `, every ${timing.every}` : '');
  if (timing.from && timing.to) return `${offsetInWords(timing.from, name)} to ${offsetInWords(timing.to, name)}`;
  return undefined;
}

/**
 * A CSV field. Text that a spreadsheet would run as a formula (`=`, `+`, `-`, `@`, tab, CR at the start)
 * gets a leading apostrophe; numbers stay numbers.
 */
export function cell(value: string | number | undefined): string {
  if (value === undefined) return '';
  if (typeof value === 'number') return String(value);
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
