import type { Palette } from '../render/layout/theme.js';
import { escapeHtml as e } from '../render/escape.js';
import { css, emotionMark, severityMark } from './marks.js';
import type { MapSummary, StageSummary } from './summary.js';

/**
 * Two heat maps of the portfolio, one row a map and one column a stage position (maps name their stages
 * their own way, so stage 3 of one map is read beside stage 3 of another, its name in the cell):
 * the most severe gap of each stage, and the lowest emotion felt in it. Colour and shape as on the maps,
 * and the value always in words, so neither depends on colour.
 */
export function heatMaps(maps: MapSummary[], palette: Palette): string {
  if (maps.length === 0) return '<p>No valid map to show.</p>';
  const columns = Math.max(...maps.map((m) => m.stages.length));
  const table = (id: string, caption: string, cell: (s: StageSummary) => string) => {
    const head = Array.from({ length: columns }, (_, i) => `<th scope="col">Stage ${i + 1}</th>`).join('');
    const rows = maps
      .map((m) => {
        const cells = Array.from({ length: columns }, (_, i) => (m.stages[i] ? cell(m.stages[i]) : '<td class="empty"><span class="visually-hidden">no stage</span></td>')).join('');
        return `<tr><th scope="row"><a href="${e(m.href)}">${e(m.title)}</a><span class="sub">${e(m.state)} state</span></th>${cells}</tr>`;
      })
      .join('\n');
    return `<table class="heat" id="${id}"><caption>${caption}</caption><thead><tr><th scope="col">Map</th>${head}</tr></thead><tbody>\n${rows}\n</tbody></table>`;
  };
  const severity = table('heat-severity', 'Most severe gap in each stage', (s) =>
    s.worst
      ? `<td class="heat-${s.worst}"><span class="stage-name">${e(s.name)}</span>${severityMark(s.worst, palette)} ${e(s.worst[0].toUpperCase() + s.worst.slice(1))}<span class="sub">${s.gaps === 1 ? '1 gap' : `${s.gaps} gaps`}</span></td>`
      : `<td><span class="stage-name">${e(s.name)}</span><span class="sub">no gap</span></td>`,
  );
  const emotion = table('heat-emotion', 'Lowest emotion in each stage', (s) =>
    s.lowest
      ? `<td class="${s.lowest.value < 0 ? 'feel-low' : s.lowest.value > 0 ? 'feel-high' : ''}"><span class="stage-name">${e(s.name)}</span>${emotionMark(s.lowest.value, palette)} ${e(s.lowest.label)} <span class="sub">${e(s.lowest.word)}</span></td>`
      : `<td><span class="stage-name">${e(s.name)}</span><span class="sub">no emotion recorded</span></td>`,
  );
  return `${severity}\n${emotion}`;
}

/** The heat maps' cell colours, from the theme's palette (tints only: the text stays in ink). */
export function heatCss(palette: Palette): string {
  const tints = (['critical', 'high', 'medium', 'low'] as const).map((s) => `.heat td.heat-${s}{background:${css(palette.severityTint[s])};box-shadow:inset 4px 0 0 ${palette.severity[s]}}`).join('');
  return `${tints}.heat td.feel-low{background:${css(palette.negativeArea)}}.heat td.feel-high{background:${css(palette.positiveArea)}}`;
}
