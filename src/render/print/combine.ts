/**
 * Parts of a map printed together are printed as one document, one tagged file from one print: each part's
 * page (the map sliced to its stage columns) after the first is appended to the first as a block that
 * starts a new sheet, and the notes sheet comes last. The parts are our own pages from the same templates,
 * and are put together only when their styles are the same (prints.ts), as they take the first one's.
 */
const NOTES_START = '<section class="print-notes"';

/** A print page without its notes sheet: what is measured to fit the map itself on its sheets. */
export function withoutNotes(html: string): string {
  const at = html.indexOf(NOTES_START);
  return at < 0 ? html : `${html.slice(0, at)}</body>\n</html>\n`;
}

/** The notes sheet of a print page (the whole map's, which holds every stage's notes), if it has one. */
function notesOf(html: string): string {
  const at = html.indexOf(NOTES_START);
  const end = html.lastIndexOf('</body>');
  return at < 0 || end < at ? '' : html.slice(at, end);
}

/**
 * One document of the parts, in order, then the whole map's notes when `notesFrom` (the whole map's print
 * page) is given. The SVG ids a part defines for its own charts (clip paths, gradients: `jm-…`) are made the
 * part's own, as the same id twice in one document would point every part at the first part's geometry.
 */
export function combineParts(parts: string[], notesFrom?: string): string {
  const [first, ...rest] = parts.map(withoutNotes);
  const bodies = rest.map((html, i) => {
    const open = html.indexOf('>', html.indexOf('<body')) + 1;
    const body = html.slice(open, html.lastIndexOf('</body>'));
    const own = `jm-part${i + 2}-`;
    return `<div class="print-part">${body.replace(/(id="|url\(#|href="#)jm-/g, `$1${own}`)}</div>\n`;
  });
  const end = first.lastIndexOf('</body>');
  return `${first.slice(0, end)}${bodies.join('')}${notesFrom ? notesOf(notesFrom) : ''}${first.slice(end)}`;
}

/**
 * A page with nothing in its body but the whole map's notes sheet, in the head of `headFrom` (the first
 * part's page, as when the notes follow the parts in one document): to print them apart, or to measure
 * how long they run.
 */
export function notesPage(whole: string, headFrom = whole): string | undefined {
  const notes = notesOf(whole);
  if (!notes) return undefined;
  const open = headFrom.indexOf('>', headFrom.indexOf('<body')) + 1;
  return `${headFrom.slice(0, open)}${notes}</body>\n</html>\n`;
}

/** A print page's styles: what parts must share to be printed in one document. */
export function pageStyles(html: string): string {
  const head = html.slice(0, html.indexOf('</head>') + 1 || html.length);
  return [...head.matchAll(/<style\b[^>]*>([\s\S]*?)<\/style>/gi)].map((m) => m[1]).join('\n');
}
