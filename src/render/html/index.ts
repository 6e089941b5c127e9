import type { JourneyMap } from '../../types/journeymap.js';
import type { RenderOptions } from '../options.js';

// Placeholder until the HTML renderer lands (issue 3).
export function renderHtml(map: JourneyMap, _options: RenderOptions): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${map.title.replace(/[<&]/g, '')}</title></head><body><main><h1>${map.title.replace(/[<&]/g, '')}</h1></main></body></html>\n`;
}
