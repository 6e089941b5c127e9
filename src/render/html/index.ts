import type { JourneyMap } from '../../types/journeymap.js';
import type { RenderOptions } from '../options.js';
import { renderPage } from './engine.js';
import { buildView } from './view.js';

/**
 * Renders a validated map as one self-contained HTML page: CSS, icons and charts inline, no scripts,
 * no external requests. Templates (templates/html, or a `--templates` folder) see only the view model.
 */
export function renderHtml(map: JourneyMap, options: RenderOptions): string {
  return renderPage(buildView(map, options), options.templates);
}
