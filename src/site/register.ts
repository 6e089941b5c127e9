import { SEVERITIES } from '../model/types.js';
import type { Palette } from '../render/layout/theme.js';
import { escapeHtml as e } from '../render/escape.js';
import { severityMark } from './marks.js';
import type { GapRow, MapSummary } from './summary.js';

/**
 * The script that makes the register sortable and filterable. The table works without it: every gap is
 * listed, most severe first, and prints whole; the script only adds sort buttons to the column headers
 * and shows the filter controls (hidden until then). It loads nothing and reads only the table.
 */
export const REGISTER_SCRIPT = `(()=>{const t=document.getElementById('gap-register'),c=document.getElementById('register-controls');if(!t||!c)return;const body=t.tBodies[0],rows=Array.from(body.rows),f=(id)=>document.getElementById(id),q=f('gap-filter'),sev=f('gap-severity'),st=f('gap-status'),mp=f('gap-map'),out=f('gap-count');c.hidden=false;const apply=()=>{const text=q.value.trim().toLowerCase();let n=0;for(const r of rows){const show=(!text||r.textContent.toLowerCase().includes(text))&&(!sev.value||r.dataset.severity===sev.value)&&(!st.value||r.dataset.status===st.value)&&(!mp.value||r.dataset.map===mp.value);r.hidden=!show;if(show)n++}out.textContent='Showing '+n+' of '+rows.length+' gaps'};for(const el of [q,sev,st,mp])el.addEventListener('input',apply);const ths=Array.from(t.tHead.rows[0].cells);ths.forEach((th,i)=>{const b=document.createElement('button');b.type='button';b.textContent=th.textContent;th.textContent='';th.appendChild(b);b.addEventListener('click',()=>{const asc=th.getAttribute('aria-sort')!=='ascending';for(const h of ths)h.removeAttribute('aria-sort');th.setAttribute('aria-sort',asc?'ascending':'descending');const key=(r)=>{const cell=r.cells[i];return cell.dataset.sort!==undefined?cell.dataset.sort:cell.textContent.trim().toLowerCase()};rows.sort((a,b)=>{const x=key(a),y=key(b),d=x<y?-1:x>y?1:0;return asc?d:-d});for(const r of rows)body.appendChild(r)})});apply()})();`;

interface RegisterRow extends GapRow {
  map: MapSummary;
  mapIndex: number;
}

/** Every gap of every valid map, most severe first, then in map and stage order. */
function registerRows(maps: MapSummary[]): RegisterRow[] {
  const rows = maps.flatMap((map, mapIndex) => map.gaps.map((gap) => ({ ...gap, map, mapIndex })));
  return rows.sort((a, b) => SEVERITIES.indexOf(a.severity) - SEVERITIES.indexOf(b.severity) || a.mapIndex - b.mapIndex || a.stageNumber - b.stageNumber || a.ref.localeCompare(b.ref, 'en', { numeric: true }));
}

const pad = (n: number) => String(n).padStart(4, '0');

/** The gap register: one row a gap, with the controls the script shows. */
export function gapRegister(maps: MapSummary[], palette: Palette): string {
  const rows = registerRows(maps);
  if (rows.length === 0) return '<p>No map records a gap.</p>';
  const statuses = [...new Set(rows.map((r) => r.status))].sort();
  const option = (value: string, label: string) => `<option value="${e(value)}">${e(label)}</option>`;
  const controls = `<div class="controls" id="register-controls" hidden>
<label for="gap-filter">Search</label> <input id="gap-filter" type="search">
<label for="gap-severity">Severity</label> <select id="gap-severity">${option('', 'All')}${SEVERITIES.map((s) => option(s, s[0].toUpperCase() + s.slice(1))).join('')}</select>
<label for="gap-status">Status</label> <select id="gap-status">${option('', 'All')}${statuses.map((s) => option(s, s)).join('')}</select>
<label for="gap-map">Map</label> <select id="gap-map">${option('', 'All')}${maps.filter((m) => m.gapCount > 0).map((m) => option(m.file, `${m.title} (${m.state})`)).join('')}</select>
<output id="gap-count" aria-live="polite"></output>
</div>`;
  const body = rows
    .map((r) => {
      const cells = [
        `<td data-sort="${pad(r.mapIndex)}"><a href="${e(r.map.href)}">${e(r.map.title)}</a><span class="sub">${e(r.map.state)} state</span></td>`,
        `<td data-sort="${pad(r.mapIndex)}-${pad(r.stageNumber)}">${e(r.stage)}</td>`,
        `<td><span class="ref">${e(r.ref)}</span> ${e(r.title)}</td>`,
        `<td data-sort="${SEVERITIES.indexOf(r.severity)}" class="sev sev-${r.severity}">${severityMark(r.severity, palette)} ${e(r.severityWord)}</td>`,
        `<td>${r.owner ? e(r.owner) : '<span class="none">none named</span>'}</td>`,
        `<td>${e(r.status)}</td>`,
        `<td>${r.opportunity ? e(r.opportunity) : '<span class="none">none named</span>'}</td>`,
      ];
      return `<tr data-severity="${r.severity}" data-status="${e(r.status)}" data-map="${e(r.map.file)}">${cells.join('')}</tr>`;
    })
    .join('\n');
  return `${controls}
<table id="gap-register" class="register">
<caption>${rows.length} gaps across ${maps.filter((m) => m.gapCount > 0).length} maps, most severe first</caption>
<thead><tr><th scope="col">Map</th><th scope="col">Stage</th><th scope="col">Gap</th><th scope="col">Severity</th><th scope="col">Owner</th><th scope="col">Status</th><th scope="col">Opportunity</th></tr></thead>
<tbody>
${body}
</tbody>
</table>`;
}
