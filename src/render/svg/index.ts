import type { JourneyMap } from '../../types/journeymap.js';
import { GRID, layoutColumns, touchpointXs } from '../layout/grid.js';
import { channelIcons, uiIcons } from '../layout/icons.js';
import { FONT_FAMILY, palettes, TYPE } from '../layout/theme.js';
import type { RenderOptions } from '../options.js';
import { emotionLane, outreachLane } from './charts.js';
import type { Lane, SvgContext } from './context.js';
import { esc, line, n, paragraph, rect, text } from './draw.js';
import { drawFooter, drawHeader, usedIconIds } from './header.js';
import { gapsLane, metricsLane, opportunitiesLane, painPointsLane, stagesLane, thoughtsLane, touchpointsLane } from './lanes.js';
import { replaceInvalidCharacters } from '../../text/characters.js';
import { buildMapView } from '../view/index.js';
import type { MapView } from '../view/types.js';

const MARGIN = 40;

function symbols(ctx: SvgContext): string {
  const stroke = 'fill="none" stroke-width="2" stroke-linecap="round" stroke-linejoin="round"';
  const icons = usedIconIds(ctx).map((id) => `<symbol id="jm-icon-${id}" viewBox="0 0 24 24"><path d="${channelIcons[id as keyof typeof channelIcons]}" ${stroke}/></symbol>`);
  const ui = Object.entries(uiIcons).map(([id, d]) => `<symbol id="jm-ui-${id}" viewBox="0 0 24 24"><path d="${d}" ${stroke}/></symbol>`);
  return [...icons, ...ui].join('');
}

/**
 * Renders a validated map as a standalone SVG document. Drawn in code rather than through templates so
 * an SVG build loads nothing but the layout: text is wrapped with the font's own advance widths.
 */
export function renderSvg(map: JourneyMap, options: RenderOptions): string {
  return renderSvgView(buildMapView(map, options), options);
}

/** The SVG of a map's view, when the view is already built. */
export function renderSvgView(view: MapView, options: RenderOptions): string {
  const palette = palettes[options.theme ?? 'default'];
  const columns = layoutColumns(view.stages, MARGIN + GRID.gutter);
  const last = columns[columns.length - 1];
  const width = Math.max(last.x + last.width + MARGIN, 1100);
  const ctx: SvgContext = { view, palette, columns, tpX: touchpointXs(view.stages, columns), margin: MARGIN, width };

  const header = drawHeader(ctx, MARGIN);
  const lanes = [stagesLane(ctx), touchpointsLane(ctx), emotionLane(ctx), thoughtsLane(ctx), painPointsLane(ctx), gapsLane(ctx), opportunitiesLane(ctx), outreachLane(ctx), metricsLane(ctx)].filter((l): l is Lane => l !== undefined);
  const top = MARGIN + header.height;
  let y = top;
  let body = '';
  for (const lane of lanes) {
    body += `<g id="jm-lane-${lane.id}" transform="translate(0 ${n(y)})">`;
    body += text(MARGIN, 18, lane.label, { size: TYPE.label, fill: palette.ink, bold: true, caps: true });
    body += paragraph(MARGIN, 22, lane.hint, GRID.gutter - 24, { size: TYPE.label, fill: palette.muted }, 3).svg;
    body += `${lane.svg}</g>`;
    y += lane.height;
    body += line(MARGIN, y, width - MARGIN, y, palette.rule);
  }
  const tints = palette.tint === 'none' ? '' : columns.filter((c) => view.stages[c.index].tinted).map((c) => rect(c.x, top, c.width, y - top, palette.tint)).join('');
  const footer = drawFooter(ctx, y + 16);
  const height = Math.ceil(y + 16 + footer.height + MARGIN / 2);
  return replaceInvalidCharacters(
    `<?xml version="1.0" encoding="UTF-8"?>\n` +
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="${esc(FONT_FAMILY)}" role="img" aria-labelledby="jm-title jm-desc">\n` +
    `<title id="jm-title">${esc(view.fullTitle)}</title>\n<desc id="jm-desc">${esc(view.summary)}</desc>\n` +
    `<defs>${symbols(ctx)}</defs>\n` +
    `${rect(0, 0, width, height, palette.paper)}${tints}\n${header.svg}\n${body}\n${footer.svg}\n</svg>\n`
  );
}
