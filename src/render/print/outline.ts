import { hexText, type Bookmarks } from './info-update.js';

/**
 * Reads the few dictionaries of Chromium's PDF a bookmark per sheet needs (the catalog, the page tree, the
 * outline Chromium made of the page's headings), by their text: Chromium writes them plainly, outside any
 * stream. Undefined when the file is laid out otherwise; the caller then rewrites it with pdf-lib.
 */
interface Objects {
  text: string;
  /** Where each object's dictionary opens (just past its `<<`), by object number: the first such place. */
  opens: Map<number, number>;
}

/**
 * Every `N 0 obj <<` at the start of a line, found in one pass: a search of the whole file for each object
 * looked up made a map of hundreds of sheets quadratic (286 sheets: 50 s in these searches alone).
 */
function indexObjects(text: string): Objects {
  const opens = new Map<number, number>();
  for (const match of text.matchAll(/(?:^|[\r\n])(\d+) 0 obj\s*<</g)) {
    const id = Number(match[1]);
    if (!opens.has(id)) opens.set(id, match.index + match[0].length);
  }
  return { text, opens };
}

function dictionary({ text, opens }: Objects, id: number): string | undefined {
  const open = opens.get(id);
  if (open === undefined) return undefined;
  let at = open;
  let depth = 1;
  while (at < text.length && depth > 0) {
    const c = text[at];
    if (c === '(') {
      // A literal string: skip it, with its escapes and balanced parentheses.
      let open = 1;
      for (at++; at < text.length && open > 0; at++) {
        if (text[at] === '\\') at++;
        else if (text[at] === '(') open++;
        else if (text[at] === ')') open--;
      }
      continue;
    }
    if (c === '<' && text[at + 1] === '<') (depth++, (at += 2));
    else if (c === '>' && text[at + 1] === '>') (depth--, (at += 2));
    else at++;
  }
  return depth === 0 ? text.slice(open - 2, at) : undefined;
}

const reference = (dict: string, key: string) => {
  const found = new RegExp(`/${key}\\s+(\\d+)\\s+0\\s+R`).exec(dict);
  return found ? Number(found[1]) : undefined;
};

/** A PDF text string, literal `(…)` (PDFDocEncoding, taken as Latin-1) or hex `<FEFF…>` (UTF-16BE). */
function decodeText(dict: string): string {
  const hex = /\/Title\s*<([0-9A-Fa-f\s]*)>/.exec(dict);
  if (hex) {
    const bytes = Buffer.from(hex[1].replace(/\s+/g, ''), 'hex');
    if (bytes[0] === 0xfe && bytes[1] === 0xff) return bytes.subarray(2).swap16().toString('utf16le');
    return bytes.toString('latin1');
  }
  const literal = /\/Title\s*\(((?:\\.|[^\\)])*)\)/s.exec(dict);
  if (!literal) return '';
  return literal[1].replace(/\\([0-7]{1,3}|.)/gs, (_, e: string) => (/^[0-7]/.test(e) ? String.fromCharCode(parseInt(e, 8)) : ({ n: '\n', r: '\r', t: '\t' } as Record<string, string>)[e] ?? e));
}

/** The page objects in order, through nested page trees. */
function pageIds(objects: Objects, tree: number, depth = 0): number[] | undefined {
  const dict = dictionary(objects, tree);
  const kids = dict && /\/Kids\s*\[([^\]]*)\]/.exec(dict);
  if (!kids || depth > 32) return undefined;
  const ids: number[] = [];
  for (const [, id] of kids[1].matchAll(/(\d+)\s+0\s+R/g)) {
    const kid = dictionary(objects, Number(id));
    if (kid === undefined) return undefined;
    if (/\/Type\s*\/Pages\b/.test(kid)) {
      const nested = pageIds(objects, Number(id), depth + 1);
      if (!nested) return undefined;
      ids.push(...nested);
    } else ids.push(Number(id));
  }
  return ids;
}

/** Chromium's outline: each heading's text and the index of its page, depth first. */
export function readOutline(text: string): { catalog: { id: number; body: string }; pages: number[]; headings: { title: string; page: number }[] } | undefined {
  const trailer = text.slice(text.lastIndexOf('trailer'));
  const objects = indexObjects(text);
  const rootId = reference(trailer, 'Root');
  const catalog = rootId === undefined ? undefined : dictionary(objects, rootId);
  const pagesId = catalog ? reference(catalog, 'Pages') : undefined;
  const pages = pagesId === undefined ? undefined : pageIds(objects, pagesId);
  if (rootId === undefined || !catalog || !pages) return undefined;
  const index = new Map(pages.map((id, i) => [id, i]));
  const headings: { title: string; page: number }[] = [];
  const visit = (first: number | undefined, depth: number) => {
    for (let at = first, guard = 0; at !== undefined && depth < 16 && guard < 100_000; guard++) {
      const item = dictionary(objects, at);
      if (!item) return;
      const dest = /\/Dest\s*\[\s*(\d+)\s+0\s+R/.exec(item);
      headings.push({ title: decodeText(item), page: dest ? (index.get(Number(dest[1])) ?? -1) : -1 });
      visit(reference(item, 'First'), depth + 1);
      at = reference(item, 'Next');
    }
  };
  const outlines = reference(catalog, 'Outlines');
  const root = outlines === undefined ? undefined : dictionary(objects, outlines);
  if (root) visit(reference(root, 'First'), 0);
  return { catalog: { id: rootId, body: catalog }, pages, headings };
}

/**
 * The objects of a bookmark per sheet, titled `names[i]`, and the catalog pointing at them (Chromium's
 * outline of every heading is left behind, unreferenced), the bookmarks pane open.
 */
export function sheetOutline(outline: { catalog: { id: number; body: string }; pages: number[] }, names: string[], firstFree: number): Bookmarks {
  const root = firstFree;
  const items = outline.pages.map((page, i) => {
    const links = [i > 0 ? `/Prev ${root + i} 0 R` : '', i < outline.pages.length - 1 ? `/Next ${root + i + 2} 0 R` : ''].filter(Boolean).join('\n');
    return `<</Title ${hexText(names[i])}\n/Parent ${root} 0 R\n/Dest [${page} 0 R /XYZ null null null]${links ? `\n${links}` : ''}>>`;
  });
  const outlines = `<</Type /Outlines\n/First ${root + 1} 0 R\n/Last ${root + items.length} 0 R\n/Count ${items.length}>>`;
  const body = outline.catalog.body
    .replace(/\/Outlines\s+\d+\s+0\s+R/, '')
    .replace(/\/PageMode\s*\/\w+/, '')
    .replace(/>>\s*$/, `\n/Outlines ${root} 0 R\n/PageMode /UseOutlines>>`);
  return { objects: [outlines, ...items], catalog: { id: outline.catalog.id, body } };
}
