import { replaceInvalidCharacters } from '../../text/characters.js';
import type { JourneyMap } from '../../types/journeymap.js';
import type { RenderOptions } from '../options.js';
import { renderPage } from './engine.js';
import { buildView, PAGE } from './view.js';

/**
 * Renders a validated map as one self-contained HTML page: CSS, icons and charts inline, no scripts,
 * no external requests. Templates (templates/html, or a `--templates` folder) see only the view model.
 */
export function renderHtml(map: JourneyMap, options: RenderOptions): string {
  return replaceInvalidCharacters(renderPage(buildView(map, options), options.templates));
}

/**
 * The width a map's page needs on screen to show its grid whole, and its body text size, in CSS px: what
 * printing would otherwise lay the page out to measure. True of the built-in templates only.
 */
export function pageMeasure(map: JourneyMap, options: RenderOptions): { width: number; bodyFontPx: number } {
  return { width: buildView(map, options).grid.width + 2 * PAGE.paddingX, bodyFontPx: PAGE.bodyFontPx };
}
