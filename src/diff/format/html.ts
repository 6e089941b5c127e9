import { escapeHtml as e, htmlPage } from '../../analyze/format/page.js';
import { countChanges, type MapDiff, type TouchpointChange } from '../compare.js';
import type { Gap, Touchpoint } from '../../types/journeymap.js';
import { describeFields, emotionValue, signed, stageNames } from './describe.js';
import type { DiffFormatOptions } from './text.js';

const css = `
.stage { margin: 26px 0; } .stage h3 { margin-bottom: 4px; }
table.sides { width: 100%; table-layout: fixed; }
table.sides th { width: 50%; }
.tp { border-radius: 6px; padding: 6px 8px; border: 1px solid var(--line); }
.tp .name { font-weight: 600; } .tp .sub { color: var(--muted); font-size: 13px; }
.badge { display: inline-block; font-size: 12px; font-weight: 700; border-radius: 4px; padding: 0 6px; margin-right: 6px; border: 1px solid currentColor; }
.added { background: #ecfdf3; } .added .badge { color: var(--good); }
.removed { background: #fef3f2; } .removed .name { text-decoration: line-through; } .removed .badge { color: var(--bad); }
.changed { background: #fffaeb; border-left: 4px solid var(--warn); } .changed .badge { color: var(--warn); }
.moved { background: #eff4ff; border-left: 4px dashed var(--accent); } .moved .badge { color: var(--accent); }
.empty { color: var(--muted); font-style: italic; font-size: 13px; }
.tag-closed { color: var(--good); } .tag-opened { color: var(--bad); } th.change { width: 12%; }
.up { color: var(--good); font-weight: 700; } .down { color: var(--bad); font-weight: 700; }
`;

const LABEL = { added: '+ added', removed: '\u2212 removed', moved: '\u2192 moved', changed: '~ changed', unchanged: '' } as const;

/** The two maps side by side, stage by stage, with every change labelled (not only coloured). */
export function diffHtml(diff: MapDiff, options: DiffFormatOptions): string {
  const tp = countChanges(diff.touchpoints);
  const title = diff.old.title === diff.new.title ? `Changes: ${diff.new.title}` : `Changes: ${diff.old.title} \u2192 ${diff.new.title}`;
  const body = `<h1>${e(title)}</h1>
<p class="meta">${e(diff.old.file)}${diff.old.state ? ` (${e(diff.old.state)})` : ''} \u2192 ${e(diff.new.file)}${diff.new.state ? ` (${e(diff.new.state)})` : ''}. Made by journeymap ${e(options.version)}.</p>
<div class="cards">
<div class="card"><b>${tp.added}</b>touchpoints added</div>
<div class="card"><b>${tp.removed}</b>touchpoints removed</div>
<div class="card"><b>${tp.moved}</b>moved between stages</div>
<div class="card"><b>${tp.changed}</b>touchpoints changed</div>
<div class="card"><b>${diff.gapsClosed.length}</b>gaps closed</div>
<div class="card"><b>${diff.gapsPlanned.length}</b>planned closures</div>
<div class="card"><b>${diff.gapsRemoved.length}</b>gaps removed</div>
<div class="card"><b>${diff.gapsOpened.length}</b>gaps opened</div>
<div class="card"><b>${diff.holes.filter((h) => h.how === 'closed').length}</b>contact holes closed</div>
<div class="card"><b>${diff.holes.filter((h) => h.how === 'opened').length}</b>contact holes opened</div>
</div>
${diff.meta.length ? `<p><b>Map:</b> ${e(describeFields(diff.meta))}</p>` : ''}
${diff.stages.map((s) => stageBlock(diff, s.id)).join('\n')}
<h2>Gaps</h2>
${gapTable(diff)}
<h2>Contact holes</h2>
${holeList(diff)}`;
  return htmlPage(title, body, css);
}

/** Old and new touchpoint ids of a stage, merged so both orders are kept. */
function alignedIds(oldIds: string[], newIds: string[]): string[] {
  const inNew = new Set(newIds);
  const inOld = new Set(oldIds);
  const out: string[] = [];
  let o = 0;
  for (const id of newIds) {
    while (o < oldIds.length && !inNew.has(oldIds[o])) out.push(oldIds[o++]);
    if (inOld.has(id) && oldIds[o] === id) o++;
    out.push(id);
  }
  while (o < oldIds.length) if (!inNew.has(oldIds[o])) out.push(oldIds[o++]); else o++;
  return out;
}

function stageBlock(diff: MapDiff, stageId: string): string {
  const stage = diff.stages.find((s) => s.id === stageId)!;
  const names = stageNames(diff);
  const oldIds = (stage.old?.touchpoints ?? []).map((t) => t.id);
  const newIds = (stage.new?.touchpoints ?? []).map((t) => t.id);
  const byId = new Map(diff.touchpoints.map((t) => [t.id, t]));
  const emotion = diff.stageEmotion.find((s) => s.id === stageId);
  const trend = emotion?.delta !== undefined && emotion.delta !== 0 ? ` <span class="${emotion.delta > 0 ? 'up' : 'down'}">${emotion.delta > 0 ? '\u25b2' : '\u25bc'} ${signed(emotion.delta)}</span>` : '';
  const emotionLine = emotion && (emotion.old !== undefined || emotion.new !== undefined) ? `<p class="note">Average emotion: ${emotion.old ?? 'n/a'} \u2192 ${emotion.new ?? 'n/a'}${trend}</p>` : '';
  const rows = alignedIds(oldIds, newIds).map((id) => {
    const change = byId.get(id)!;
    const inOld = oldIds.includes(id);
    const inNew = newIds.includes(id);
    const left = inOld ? card(change, change.old!, 'old', names) : change.kind === 'moved' ? `<div class="empty">\u2190 moved here from ${e(names.get(change.oldStage!) ?? '')}</div>` : '<div class="empty">\u2014</div>';
    const right = inNew ? card(change, change.new!, 'new', names) : change.kind === 'moved' ? `<div class="empty">\u2192 moved to ${e(names.get(change.newStage!) ?? '')}</div>` : '<div class="empty">\u2014</div>';
    return `<tr><td>${left}</td><td>${right}</td></tr>`;
  });
  const badge = stage.kind === 'unchanged' ? '' : ` <span class="badge">${LABEL[stage.kind]}</span>`;
  const fields = stage.kind === 'changed' || stage.kind === 'moved' ? `<p class="note">Stage fields changed: ${e(describeFields(stage.fields))}</p>` : '';
  return `<section class="stage">
<h3>${e(stage.name)}${badge}</h3>
${emotionLine}${fields}
<table class="sides"><thead><tr><th scope="col">Before</th><th scope="col">After</th></tr></thead>
<tbody>${rows.join('\n') || '<tr><td class="empty">no touchpoints</td><td class="empty">no touchpoints</td></tr>'}</tbody>
</table>
</section>`;
}

function card(change: TouchpointChange, t: Touchpoint, side: 'old' | 'new', names: Map<string, string>): string {
  let kind: string = change.kind;
  if (change.kind === 'removed' && side === 'old') kind = 'removed';
  if (change.kind === 'changed' && side === 'old') kind = '';
  if (change.kind === 'moved' && side === 'old') kind = 'moved';
  const label = kind ? `<span class="badge">${kind === 'moved' ? (side === 'old' ? `\u2192 moved to ${e(names.get(change.newStage!) ?? '')}` : `\u2190 moved from ${e(names.get(change.oldStage!) ?? '')}`) : LABEL[kind as keyof typeof LABEL]}</span>` : '';
  const emotion = t.emotion === undefined ? '' : ` \u00b7 emotion ${emotionValue(t.emotion)}`;
  const delta = side === 'new' && change.emotionDelta ? ` <span class="${change.emotionDelta > 0 ? 'up' : 'down'}">(${change.emotionDelta > 0 ? '\u25b2' : '\u25bc'} ${signed(change.emotionDelta)})</span>` : '';
  const fields = side === 'new' && change.fields.length && change.kind !== 'added' ? `<div class="sub">Changed: ${e(describeFields(change.fields))}</div>` : '';
  return `<div class="tp ${kind}">${label}<span class="name">${e(t.name)}</span><div class="sub">${e(t.channel)}${emotion}${delta}</div>${fields}</div>`;
}

function gapCell(g: Gap | undefined): string {
  if (!g) return '<span class="empty">\u2014</span>';
  return `<b>${e(g.title)}</b><div class="sub">${e(g.severity ?? 'medium')} \u00b7 ${e(g.status ?? 'open')}${g.owner ? ` \u00b7 ${e(g.owner)}` : ''}</div>`;
}

/** Contact holes opened, closed or changed, per segment, in the words analyze uses. */
function holeList(diff: MapDiff): string {
  if (!diff.holes.length) return '<p>The contact holes are the same in both versions.</p>';
  const hole = (h: { days: number; length: string; words: string }) => `${h.days} days (${h.length}), ${h.words}`;
  const items = diff.holes.map((h) => {
    const who = e(h.segment ? h.segment.name : 'all patients');
    if (h.how === 'closed') return `<li class="added">\u2714 closed for ${who}: ${e(hole(h.old!))}</li>`;
    if (h.how === 'opened') return `<li class="removed">! opened for ${who}: ${e(hole(h.new!))}</li>`;
    return `<li class="changed">~ for ${who}: ${h.old!.days} \u2192 ${e(hole(h.new!))}</li>`;
  });
  return `<ul class="holes">${items.join('')}</ul>`;
}

function gapTable(diff: MapDiff): string {
  if (!diff.gaps.length) return '<p>Neither version records gaps.</p>';
  const closed = new Set(diff.gapsClosed.map((g) => g.id));
  const planned = new Set(diff.gapsPlanned.map((g) => g.id));
  const removed = new Set(diff.gapsRemoved.map((g) => g.id));
  const opened = new Set(diff.gapsOpened.map((g) => g.id));
  const rows = diff.gaps.map((g) => {
    const tag = closed.has(g.id)
      ? '<span class="badge tag-closed">\u2714 closed</span>'
      : planned.has(g.id)
        ? '<span class="badge">\u25cc planned closure</span>'
        : removed.has(g.id)
          ? '<span class="badge">\u2212 removed, not closed</span>'
          : opened.has(g.id)
            ? '<span class="badge tag-opened">! opened</span>'
            : g.kind === 'unchanged'
              ? ''
              : `<span class="badge">${LABEL[g.kind]}</span>`;
    const cls = closed.has(g.id) ? 'added' : opened.has(g.id) ? 'removed' : g.kind === 'unchanged' ? '' : 'changed';
    return `<tr class="${cls}"><td>${tag}</td><td>${gapCell(g.old)}</td><td>${gapCell(g.new)}</td></tr>`;
  });
  return `<table class="sides"><thead><tr><th scope="col" class="change">Change</th><th scope="col">Before</th><th scope="col">After</th></tr></thead><tbody>${rows.join('\n')}</tbody></table>`;
}
