import type { PageNumbering } from './footer.js';

/**
 * Sheets printed as one Chromium document at most. Chromium's print of one document costs more per page the
 * longer the document is (a map of 286 sheets in one print: 57 s for the print, 32 s of them to print its
 * first 10 pages, and 5 GB of memory), so a map on more sheets is printed in several documents of about this
 * many sheets, joined in order. Prints of 10 or of 24 sheets cost the same for that map (69 s in all); up to
 * 24, one print costs less than several and a join. Measured in bench/scale.mjs (`pdf-sheets`). A test
 * sets it low to compare a joined print with a single one.
 */
export const SHEETS_PER_PRINT = Number(process.env.JOURNEYMAP_TEST_SHEETS_PER_PRINT) || 24;

/** One Chromium print: a run of the map's parts, by index, or the notes sheet. */
export type PrintGroup = { parts: number[] } | { notes: true };

/** A map's part for grouping into prints: the sheets it takes, and its page's own styles. */
export interface PartToPrint {
  sheets: number;
  /**
   * The part's page styles (its column widths among them): parts are printed in one document only when
   * theirs are the same, as a document has one set of styles, the first part's.
   */
  styles: string;
}

/**
 * The prints a map takes: one, parts and notes together, while its parts fit SHEETS_PER_PRINT and share
 * their styles; else runs of consecutive parts with the same styles, of at most that many sheets each (a
 * part longer than that alone), then the notes.
 */
export function groupPrints(parts: PartToPrint[], limit = SHEETS_PER_PRINT): { groups: PrintGroup[]; single: boolean } {
  const groups: PrintGroup[] = [];
  let run: number[] = [];
  let sheets = 0;
  for (const [i, part] of parts.entries()) {
    if (run.length && (sheets + part.sheets > limit || part.styles !== parts[run[0]].styles)) {
      groups.push({ parts: run });
      run = [];
      sheets = 0;
    }
    run.push(i);
    sheets += part.sheets;
  }
  groups.push({ parts: run });
  if (groups.length === 1) return { groups, single: true };
  groups.push({ notes: true });
  return { groups, single: false };
}

/**
 * Prints the groups, each numbered from where the ones before it end, and returns their files in order.
 * Each footer needs the whole file's page count, known only once every group is printed: it is taken from
 * `estimates` (pages per group) until a group's print says otherwise, and a group whose numbers turn out
 * wrong is printed again. The footer sits in the page margin, so its text moves no page break: a second
 * round prints with true counts. The last group (the notes, whose length the estimate knows least) is
 * printed first, so the others are numbered from its real length.
 */
export async function printGroups(groups: PrintGroup[], estimates: number[], printOne: (group: PrintGroup, numbering: PageNumbering) => Promise<{ bytes: Uint8Array; pages: number }>): Promise<{ files: Uint8Array[]; pages: number }> {
  const pages = [...estimates];
  const printed: { numbering: PageNumbering; bytes: Uint8Array }[] = [];
  const order = [groups.length - 1, ...groups.keys()].slice(0, groups.length);
  const numberingOf = (i: number): PageNumbering => ({ before: sum(pages.slice(0, i)), total: sum(pages) });
  const same = (a: PageNumbering, b: PageNumbering) => a.before === b.before && a.total === b.total;
  for (let round = 0; round < 3 && groups.some((_, i) => !printed[i] || !same(printed[i].numbering, numberingOf(i))); round++) {
    for (const i of order) {
      const numbering = numberingOf(i);
      if (printed[i] && same(printed[i].numbering, numbering)) continue;
      const result = await printOne(groups[i], numbering);
      pages[i] = result.pages;
      printed[i] = { numbering, bytes: result.bytes };
    }
  }
  return { files: printed.map((p) => p.bytes), pages: sum(pages) };
}

const sum = (values: number[]) => values.reduce((total, value) => total + value, 0);

/** Pages in a PDF as Chromium writes it (one uncompressed dictionary per page): cheaper than parsing it. */
export function countPages(pdf: Uint8Array): number {
  return Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength).toString('latin1').match(/\/Type\s*\/Page(?![a-z])/g)?.length ?? 1;
}
