import type { PdfMetadata } from './finish.js';

/**
 * Writes a map's metadata into a PDF as Chromium prints it, without parsing the document: an
 * incremental update (a new Info dictionary, a one-entry cross-reference section and a trailer that
 * points back at the old one) appended to the file, as PDF editors and signers do. Chromium's own
 * creation and modification dates, left behind in the superseded dictionary, are overwritten in place
 * (same length, so no offset moves) so that the bytes do not depend on the time of printing.
 * Returns undefined when the file is not laid out as expected (say, another browser's cross-reference
 * stream); the caller then rewrites the whole file instead.
 */
export function appendInfo(pdf: Uint8Array, meta: PdfMetadata): Uint8Array | undefined {
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

  const objectAt = pdf.byteLength + 1;
  const object = `\n${id} 0 obj\n<<${entries.join('\n')}>>\nendobj\n`;
  const xrefAt = pdf.byteLength + object.length;
  const update =
    `${object}xref\n${id} 1\n${String(objectAt).padStart(10, '0')} 00000 n \n` +
    `trailer\n<</Size ${id + 1}\n/Root ${root}\n/Info ${id} 0 R\n/Prev ${tail[1]}>>\nstartxref\n${xrefAt}\n%%EOF\n`;
  return Buffer.concat([Buffer.from(timeless, 'latin1'), Buffer.from(update, 'latin1')]);
}

/** A text string any PDF reader takes: UTF-16BE with its byte-order mark, in hex, so nothing needs escaping. */
function hexText(value: string): string {
  let hex = 'FEFF';
  for (let i = 0; i < value.length; i++) hex += value.charCodeAt(i).toString(16).padStart(4, '0').toUpperCase();
  return `<${hex}>`;
}

/** `D:YYYYMMDDHHmmSSZ` in UTC. */
function pdfDate(date: Date): string {
  return `D:${date.toISOString().replace(/[-:T]/g, '').slice(0, 14)}Z`;
}
