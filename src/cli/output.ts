import { fstatSync, writeSync } from 'node:fs';

/** Whether to colour output for people: a terminal, unless NO_COLOR is set or `--no-color` was given. */
export function useColor(flag: boolean | undefined, fd: 1 | 2 = 1): boolean {
  if (flag === false) return false;
  if (process.env.NO_COLOR) return false;
  if (process.env.FORCE_COLOR && process.env.FORCE_COLOR !== '0') return true;
  return isTerminal(fd);
}

/**
 * Only a character device can be a terminal. Asking that first keeps Node's tty module, and the stream
 * and network modules it loads (a few ms), out of every run whose output goes to a pipe or a file.
 */
function isTerminal(fd: number): boolean {
  try {
    if (!fstatSync(fd).isCharacterDevice()) return false;
  } catch {
    return false;
  }
  return process.getBuiltinModule('node:tty').isatty(fd);
}

/**
 * Progress and notices: always stderr, so stdout carries only the report. Written to the descriptor as
 * Node's stream writes to a file, pipe or terminal, so that a build that only says what it wrote never
 * creates the stream (and loads its modules). A descriptor that would block gets the stream, which
 * queues; a reader that has gone away is not an error.
 */
export function notice(message: string): void {
  const text = Buffer.from(`${message}\n`);
  try {
    const written = writeSync(2, text);
    if (written < text.length) process.stderr.write(text.subarray(written));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EAGAIN') process.stderr.write(text);
    else if (code !== 'EPIPE') throw error;
  }
}

/**
 * A report to stdout a megabyte at a time, so that a report of 100 MB (every finding of a huge file, as
 * JSON) is not also copied whole into one buffer. A slice never ends between the two halves of a
 * surrogate pair, which would each be written as U+FFFD.
 */
export function writeReport(text: string): void {
  const CHUNK = 1 << 20;
  for (let start = 0; start < text.length; ) {
    let end = Math.min(text.length, start + CHUNK);
    const last = text.charCodeAt(end - 1);
    if (end < text.length && last >= 0xd800 && last <= 0xdbff) end--;
    process.stdout.write(text.slice(start, end));
    start = end;
  }
}
