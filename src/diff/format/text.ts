import { Chalk } from 'chalk';
import { countChanges, type ItemChange, type MapDiff, type TouchpointChange } from '../compare.js';
import { describeFields, emotionValue, signed, stageNames } from './describe.js';

export interface DiffFormatOptions {
  color: boolean;
  version: string;
}

const MARK = { added: '+', removed: '-', moved: '\u2192', changed: '~', unchanged: ' ' } as const;

/** Lines of a diff, shared by the text and markdown reports: `inline` formats ids and names. */
export function diffLines(diff: MapDiff, style: { id: (s: string) => string; text: (s: string) => string; mark: (kind: keyof typeof MARK, s: string) => string; heading: (s: string) => string }): string[] {
  const names = stageNames(diff);
  const stage = (id: string | undefined) => style.text(names.get(id ?? '') ?? id ?? '?');
  const out: string[] = [];
  const section = (title: string, items: ItemChange<unknown>[], detail: (i: ItemChange<unknown>) => string) => {
    const n = countChanges(items);
    out.push(style.heading(`${title}: ${n.added} added, ${n.removed} removed, ${n.moved} moved, ${n.changed} changed`));
    for (const i of items) if (i.kind !== 'unchanged') out.push(`  ${style.mark(i.kind, MARK[i.kind])} ${style.id(i.id)} ${style.text(`"${i.name}"`)}${detail(i)}`);
  };
  if (diff.meta.length) out.push(style.heading('Map'), `  ${style.text(describeFields(diff.meta))}`);
  section('Stages', diff.stages, (i) => (i.kind === 'changed' || i.kind === 'moved' ? `${i.kind === 'moved' ? ' moved in the order' : ''}${i.fields.length ? `: ${style.text(describeFields(i.fields))}` : ''}` : ''));
  section('Touchpoints', diff.touchpoints, (item) => {
    const i = item as TouchpointChange;
    if (i.kind === 'added') return ` in ${stage(i.newStage)}${i.new?.emotion !== undefined ? ` (emotion ${emotionValue(i.new.emotion)})` : ''}`;
    if (i.kind === 'removed') return ` from ${stage(i.oldStage)}`;
    const move = i.kind === 'moved' ? ` ${stage(i.oldStage)} \u2192 ${stage(i.newStage)}` : '';
    // The values, not the difference: `+3` alone reads as an emotion off the -2..2 scale.
    const emotion = i.emotionDelta ? ` [emotion ${emotionValue(i.old!.emotion!)} \u2192 ${emotionValue(i.new!.emotion!)}]` : '';
    const rest = i.fields.filter((f) => f.field !== 'emotion' || !i.emotionDelta);
    return `${move}${emotion}${rest.length ? `: ${style.text(describeFields(rest))}` : ''}`;
  });
  out.push(style.heading('Emotion by stage (average)'));
  for (const s of diff.stageEmotion) {
    if (s.old === undefined && s.new === undefined) continue;
    const value = (n: number | undefined) => (n === undefined ? 'n/a' : emotionValue(n));
    out.push(`  ${style.text(s.name)}: ${value(s.old)} \u2192 ${value(s.new)}${s.delta !== undefined ? ` (${signed(s.delta)})` : ''}`);
  }
  out.push(style.heading(`Gaps: ${gapSummary(diff)}`));
  for (const g of diff.gapsClosed) out.push(`  ${style.mark('added', '\u2714')} closed ${style.id(g.id)} ${style.text(`"${g.title}"`)} (status closed)`);
  for (const g of diff.gapsPlanned) out.push(`  ${style.mark('moved', '\u25cc')} planned closure ${style.id(g.id)} ${style.text(`"${g.title}"`)} (closed on the future map)`);
  for (const g of diff.gapsRemoved) out.push(`  ${style.mark('changed', '-')} removed ${style.id(g.id)} ${style.text(`"${g.title}"`)} (deleted from the map, not closed)`);
  for (const g of diff.gapsOpened) out.push(`  ${style.mark('removed', '!')} opened ${style.id(g.id)} ${style.text(`"${g.title}"`)}${g.how === 'reopened' ? ' (reopened)' : ''}`);
  const holes = { opened: diff.holes.filter((h) => h.how === 'opened').length, closed: diff.holes.filter((h) => h.how === 'closed').length, changed: diff.holes.filter((h) => h.how === 'changed').length };
  out.push(style.heading(`Contact holes: ${holes.closed} closed, ${holes.opened} opened, ${holes.changed} changed`));
  for (const h of diff.holes) {
    const who = h.segment ? h.segment.name : 'all patients';
    const hole = (x: { days: number; length: string; words: string }) => `${x.days} days (${x.length}), ${x.words}`;
    if (h.how === 'closed') out.push(`  ${style.mark('added', '\u2714')} closed for ${style.text(who)}: ${style.text(hole(h.old!))}`);
    else if (h.how === 'opened') out.push(`  ${style.mark('removed', '!')} opened for ${style.text(who)}: ${style.text(hole(h.new!))}`);
    else out.push(`  ${style.mark('changed', '~')} for ${style.text(who)}: ${h.old!.days} \u2192 ${style.text(hole(h.new!))}`);
  }
  section('Gap changes', diff.gaps, (i) => (i.kind === 'changed' || i.kind === 'moved' ? `${i.kind === 'moved' ? ` ${stage(i.oldStage)} \u2192 ${stage(i.newStage)}` : ''}${i.fields.length ? `: ${style.text(describeFields(i.fields))}` : ''}` : i.kind === 'added' ? ` in ${stage(i.newStage)}` : ''));
  section('Outreach', diff.outreach, (i) => (i.kind === 'changed' || i.kind === 'moved' ? `${i.fields.length ? `: ${style.text(describeFields(i.fields))}` : ''}` : ''));
  return out;
}

/** The gap summary, each kind counted apart: `1 closed, 3 planned closures, 1 removed, 2 opened`. */
export function gapSummary(diff: MapDiff): string {
  const planned = diff.gapsPlanned.length;
  return `${diff.gapsClosed.length} closed, ${planned} planned ${planned === 1 ? 'closure' : 'closures'}, ${diff.gapsRemoved.length} removed, ${diff.gapsOpened.length} opened`;
}

/** For people at a terminal. */
export function diffText(diff: MapDiff, options: DiffFormatOptions): string {
  const c = new Chalk({ level: options.color ? 1 : 0 });
  const colour = { added: c.green, removed: c.red, moved: c.cyan, changed: c.yellow, unchanged: c.dim };
  const head = `${c.bold(diff.old.file)}${diff.old.state ? ` (${diff.old.state})` : ''} \u2192 ${c.bold(diff.new.file)}${diff.new.state ? ` (${diff.new.state})` : ''}`;
  const lines = diffLines(diff, { id: (s) => c.bold(s), text: (s) => s, mark: (k, s) => colour[k](s), heading: (s) => `\n${c.bold.underline(s)}` });
  return `${head}\n${lines.join('\n')}\n`;
}
