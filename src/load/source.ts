import { isUtf8 } from 'node:buffer';
import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import type { RawFinding } from '../validate/finding.js';
import { ioFailure } from '../errors.js';

/** Larger than any real map (the biggest examples are a few dozen KB), small enough to parse safely. */
export const MAX_FILE_BYTES = 5 * 1024 * 1024;

export interface Source {
  /** The name used in messages: the path as given, or `<stdin>`. */
  file: string;
  text: string;
}

export type SourceResult = { ok: true; source: Source } | { ok: false; file: string; text: string; finding: RawFinding };

/**
 * Reads a map as UTF-8 text, refusing oversized files before reading them and non-UTF-8 bytes with a
 * location. `name` is what messages call the file (default: the path as given).
 */
export async function readSource(path: string, name = path): Promise<SourceResult> {
  return path === '-' ? decode('<stdin>', await readStdin()) : readSourceSync(path, name);
}

/**
 * The synchronous form, for the tight loop that checks thousands of files. Only a regular file is read
 * (opened without blocking, so a FIFO cannot hang the run), and never more than the size limit: a file
 * whose size the system does not know (/proc, a device) cannot make it read without end.
 */
export function readSourceSync(path: string, name = path): SourceResult {
  let fd: number | undefined;
  try {
    fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
    const stats = fstatSync(fd);
    if (!stats.isFile()) throw Object.assign(new Error('not a regular file'), { code: 'ENOTREG' });
    if (stats.size > MAX_FILE_BYTES) return tooLarge(name, stats.size);
    const bytes = readUpTo(fd, MAX_FILE_BYTES + 1);
    return decode(name, bytes);
  } catch (error) {
    throw ioFailure('read', name, error);
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** At most `limit` bytes of a file, read until its end or the limit. */
function readUpTo(fd: number, limit: number): Buffer {
  const chunks: Buffer[] = [];
  let total = 0;
  for (;;) {
    const chunk = Buffer.allocUnsafe(Math.min(64 * 1024, limit - total));
    const read = readSync(fd, chunk, 0, chunk.length, null);
    if (read === 0) break;
    chunks.push(read === chunk.length ? chunk : chunk.subarray(0, read));
    total += read;
    if (total >= limit) break;
  }
  return chunks.length === 1 ? chunks[0] : Buffer.concat(chunks, total);
}

export function decode(file: string, bytes: Uint8Array): SourceResult {
  if (bytes.length > MAX_FILE_BYTES) return tooLarge(file, bytes.length);
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return encodingError(file, 0, 'the file is UTF-16; save it as UTF-8');
  }
  // isUtf8 checks the bytes natively; the place of a bad byte is worked out only when there is one.
  if (!isUtf8(bytes)) {
    const at = firstInvalidUtf8(bytes);
    const before = normalizeLineBreaks(new TextDecoder('utf-8').decode(bytes.subarray(0, at)));
    const hex = Array.from(bytes.subarray(at, at + 4), (b) => b.toString(16).padStart(2, '0')).join(' ');
    return encodingError(file, before.length, `bytes that are not UTF-8 (${hex}); save the file as UTF-8`, before);
  }
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  const text = normalizeLineBreaks(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8', bom));
  if (text.includes('\0')) return encodingError(file, text.indexOf('\0'), 'the file holds NUL bytes: it is binary, not a YAML map', text);
  return { ok: true, source: { file, text } };
}

/**
 * YAML reads CR LF and a lone CR as line breaks, as editors do. Turning both into LF here, once, gives
 * every step after this one (both YAML paths, positions, code frames, other readers) the same lines:
 * a file saved with old Mac line endings is read, and a stray CR does not shift line numbers.
 */
export function normalizeLineBreaks(text: string): string {
  return text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text;
}

function encodingError(file: string, offset: number, message: string, text = ''): SourceResult {
  return { ok: false, file, text, finding: { ruleId: 'file-encoding', message, path: [], offset } };
}

function tooLarge(file: string, size: number): SourceResult {
  const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;
  return {
    ok: false,
    file,
    text: '',
    finding: { ruleId: 'file-too-large', message: `the file is ${mb(size)}, over the ${mb(MAX_FILE_BYTES)} limit for a journey map`, path: [], offset: 0 },
  };
}

/** Index of the first byte that starts an invalid UTF-8 sequence. */
function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i];
    const n = b < 0x80 ? 0 : b >= 0xc2 && b < 0xe0 ? 1 : b >= 0xe0 && b < 0xf0 ? 2 : b >= 0xf0 && b < 0xf5 ? 3 : -1;
    if (n < 0) return i;
    for (let k = 1; k <= n; k++) if (i + k >= bytes.length || (bytes[i + k] & 0xc0) !== 0x80) return i;
    i += n + 1;
  }
  return i;
}

async function readStdin(): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of process.stdin) {
    chunks.push(chunk as Buffer);
    total += (chunk as Buffer).length;
    // Stop reading past the limit: the rest would only be thrown away.
    if (total > MAX_FILE_BYTES) break;
  }
  return Buffer.concat(chunks);
}
