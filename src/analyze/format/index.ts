import type { Analysis } from '../index.js';
import { analyzeHtml } from './html.js';
import { analyzeJson } from './json.js';
import { analyzeMarkdown } from './markdown.js';
import { analyzeSarif } from './sarif.js';
import type { AnalyzeFormat } from './names.js';
import { analyzeText, type AnalyzeFormatOptions } from './text.js';

/** Every `analyze --format`, by name. */
export const analyzeFormatters = { text: analyzeText, markdown: analyzeMarkdown, json: analyzeJson, html: analyzeHtml, sarif: analyzeSarif } satisfies Record<AnalyzeFormat, (a: Analysis[], o: AnalyzeFormatOptions) => string>;
export { ANALYZE_FORMATS, type AnalyzeFormat } from './names.js';
