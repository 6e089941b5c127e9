/** What the PDF's information dictionary says about the map. */
export interface PdfMetadata {
  title: string;
  author?: string;
  subject?: string;
  keywords: string[];
  creator: string;
  producer: string;
  /** Creation and modification date; left out of the file when unknown, so output stays reproducible. */
  date?: Date;
}

/**
 * Writes a map's metadata into a PDF as Chromium prints it, without parsing the document: an
 * incremental update (a new Info dictionary, a one-entry cross-reference section and a trailer that
 * points back at the old one) appended to the file, as PDF editors and signers do. Chromium's own
 * creation and modification dates, left behind in the superseded dictionary, are overwritten in place
 * (same length, so no offset moves) so that the bytes do not depend on the time of printing.
 * Returns undefined when the file is not laid out as expected (say, another browser's cross-reference
 * stream); the caller then rewrites the whole file instead.
 */
export function appendInfo(pdf: Uint8Array, meta: PdfMetadata, bookmarks?: (text: string, firstFree: number) => Bookmarks | undefined): Uint8Array | undefined {
  const text = Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength).toString('latin1');
  const tail = /startxref\s+(\d+)\s+%%EOF\s*$/.exec(text.slice(-64));
  const trailerAt = text.lastIndexOf('trailer');
  const trailer = trailerAt >= 0 ? text.slice(trailerAt, text.length) : '';
  const size = /\/Size\s+(\d+)/.exec(trailer)?.[1];
  const root = /\/Root\s+(\d+\s+\d+\s+R)/.exec(trailer)?.[1];
  if (!tail || !size || !root || /\/Encrypt\b/.test(trailer)) return undefined;

  const stamp = pdfDate(meta.date ?? new Date(0)).slice(2, 16);
  const timeless = text.replace(/(\/(?:CreationDate|ModDate)\s*\(D:)\d{14}/g, `$1${stamp}`);

  const id = Number(size);
  const fields: [string, string | undefined][] = [
    ['Title', meta.title],
    ['Author', meta.author],
    ['Subject', meta.subject],
    ['Keywords', meta.keywords.length ? meta.keywords.join(', ') : undefined],
    ['Creator', meta.creator],
    ['Producer', meta.producer],
  ];
  const entries = fields.filter(([, value]) => value !== undefined).map(([key, value]) => `/${key} ${hexText(value!)}`);
  if (meta.date) entries.push(`/CreationDate (${pdfDate(meta.date)})`, `/ModDate (${pdfDate(meta.date)})`);

  // The Info dictionary, then any bookmarks: new objects numbered on from it, and the catalog anew.
  const objects: [number, string][] = [[id, `<<${entries.join('\n')}>>`]];
  let next = id + 1;
  if (bookmarks) {
    const marks = bookmarks(text, next);
    if (!marks) return undefined;
    const first = next;
    objects.push(...marks.objects.map((body, i): [number, string] => [first + i, body]), [marks.catalog.id, marks.catalog.body]);
    next += marks.objects.length;
  }
  let body = '';
  const offsets = new Map<number, number>();
  for (const [number, dict] of objects) {
    offsets.set(number, pdf.byteLength + body.length + 1);
    body += `\n${number} 0 obj\n${dict}\nendobj\n`;
  }
  const xrefAt = pdf.byteLength + body.length;
  // One subsection per run of consecutive object numbers.
  const numbers = [...offsets.keys()].sort((a, b) => a - b);
  let xref = 'xref\n';
  for (let i = 0; i < numbers.length; ) {
    let j = i;
    while (j + 1 < numbers.length && numbers[j + 1] === numbers[j] + 1) j++;
    xref += `${numbers[i]} ${j - i + 1}\n`;
    for (let k = i; k <= j; k++) xref += `${String(offsets.get(numbers[k])).padStart(10, '0')} 00000 n \n`;
    i = j + 1;
  }
  const update = `${body}${xref}trailer\n<</Size ${next}\n/Root ${root}\n/Info ${id} 0 R\n/Prev ${tail[1]}>>\nstartxref\n${xrefAt}\n%%EOF\n`;
  return Buffer.concat([Buffer.from(timeless, 'latin1'), Buffer.from(update, 'latin1')]);
}

/** Objects an update adds for a document's bookmarks, and its catalog rewritten to point at them. */
export interface Bookmarks {
  /** Dictionaries of the new objects, numbered from the first free number given. */
  objects: string[];
  catalog: { id: number; body: string };
}

/** A text string any PDF reader takes: UTF-16BE with its byte-order mark, in hex, so nothing needs escaping. */
export function hexText(value: string): string {
  let hex = 'FEFF';
  for (let i = 0; i < value.length; i++) hex += value.charCodeAt(i).toString(16).padStart(4, '0').toUpperCase();
  return `<${hex}>`;
}

/** `D:YYYYMMDDHHmmSSZ` in UTC. */
function pdfDate(date: Date): string {
  return `D:${date.toISOString().replace(/[-:T]/g, '').slice(0, 14)}Z`;
}
