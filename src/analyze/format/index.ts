import type { Analysis } from '../index.js';
import { analyzeHtml } from './html.js';
import { analyzeJson } from './json.js';
import { analyzeMarkdown } from './markdown.js';
import { analyzeText, type AnalyzeFormatOptions } from './text.js';

/** Every `analyze --format`, by name. */
export const analyzeFormatters = { text: analyzeText, markdown: analyzeMarkdown, json: analyzeJson, html: analyzeHtml } satisfies Record<string, (a: Analysis[], o: AnalyzeFormatOptions) => string>;
export type AnalyzeFormat = keyof typeof analyzeFormatters;
export const ANALYZE_FORMATS = Object.keys(analyzeFormatters) as AnalyzeFormat[];
