import { replaceInvalidCharacters } from '../../text/characters.js';
import type { JourneyMap } from '../../types/journeymap.js';
import { gridWidth, layoutColumns } from '../layout/grid.js';
import type { RenderOptions } from '../options.js';
import { buildMapView } from '../view/index.js';
import type { MapView } from '../view/types.js';
import { renderPage } from './engine.js';
import { buildView, PAGE } from './view.js';

/**
 * Renders a validated map as one self-contained HTML page: CSS, icons and charts inline, no scripts,
 * no external requests. Templates (templates/html, or a `--templates` folder) see only the view model.
 */
export function renderHtml(map: JourneyMap, options: RenderOptions): string {
  return renderHtmlView(buildMapView(map, options), options);
}

/** The HTML page of a map's view, when the view is already built (several outputs, or a sheet of a print). */
export function renderHtmlView(view: MapView, options: RenderOptions): string {
  return replaceInvalidCharacters(renderPage(buildView(view, options), options.templates));
}

/**
 * The width a map's page needs on screen to show its grid whole, and its body text size, in CSS px: what
 * printing would otherwise lay the page out to measure. True of the built-in templates only.
 */
export function pageMeasure(view: MapView): { width: number; bodyFontPx: number } {
  return { width: gridWidth(layoutColumns(view.stages, 0)) + 2 * PAGE.paddingX, bodyFontPx: PAGE.bodyFontPx };
}
