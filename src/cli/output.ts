/** Whether to colour output for people: a TTY, unless NO_COLOR is set or `--no-color` was given. */
export function useColor(flag: boolean | undefined, stream: NodeJS.WriteStream = process.stdout): boolean {
  if (flag === false) return false;
  if (process.env.NO_COLOR) return false;
  if (process.env.FORCE_COLOR && process.env.FORCE_COLOR !== '0') return true;
  return Boolean(stream.isTTY);
}

/** Progress and notices: always stderr, so stdout carries only the report. */
export function notice(message: string): void {
  process.stderr.write(`${message}\n`);
}
