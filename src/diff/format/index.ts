import type { MapDiff } from '../compare.js';
import { diffHtml } from './html.js';
import { diffJson } from './json.js';
import { diffMarkdown } from './markdown.js';
import type { DiffFormat } from './names.js';
import { diffText, type DiffFormatOptions } from './text.js';

/** Every `diff --format`, by name. */
export const diffFormatters = { text: diffText, markdown: diffMarkdown, json: diffJson, html: diffHtml } satisfies Record<DiffFormat, (d: MapDiff, o: DiffFormatOptions) => string>;
export { DIFF_FORMATS, type DiffFormat } from './names.js';
