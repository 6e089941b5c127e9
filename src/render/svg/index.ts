import type { JourneyMap } from '../../types/journeymap.js';
import type { RenderOptions } from '../options.js';

// Placeholder until the SVG renderer lands (issue 3).
export function renderSvg(map: JourneyMap, _options: RenderOptions): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" width="100" height="20"><title>${map.title.replace(/[<&]/g, '')}</title></svg>\n`;
}
