/**
 * Progress of a print run, on stderr only. On a terminal, one bar redrawn in place with messages
 * scrolling above it; elsewhere (CI logs, pipes) plain lines such as "printed knee.pdf (3/20)".
 */
export interface Progress {
  /** A line that is kept in the log. */
  line(message: string): void;
  /** The map `name` is done, well or not: `message` says what became of it. */
  done(name: string, message: string): void;
  started(name: string): void;
  close(): void;
}

const BAR_WIDTH = 24;

export function createProgress(total: number, stream: NodeJS.WriteStream = process.stderr, color = false): Progress {
  let finished = 0;
  const active = new Set<string>();
  const tty = Boolean(stream.isTTY);
  const counter = () => `(${finished}/${total})`;

  if (!tty) {
    return {
      line: (message) => void stream.write(`${message}\n`),
      done: (_name, message) => {
        finished += 1;
        stream.write(`${message} ${counter()}\n`);
      },
      started: () => undefined,
      close: () => undefined,
    };
  }

  let drawn = false;
  const clear = () => {
    if (drawn) stream.write('\r\x1b[2K');
    drawn = false;
  };
  const draw = () => {
    const filled = Math.round((finished / Math.max(1, total)) * BAR_WIDTH);
    const bar = `${'█'.repeat(filled)}${'░'.repeat(BAR_WIDTH - filled)}`;
    const names = [...active].join(', ');
    const room = Math.max(0, (stream.columns || 80) - 1 - 'printing  '.length - bar.length - `${finished}/${total}`.length - 2);
    const tail = names.length > room ? `${names.slice(0, Math.max(0, room - 1))}…` : names;
    stream.write(`\r\x1b[2Kprinting ${color ? `\x1b[36m${bar}\x1b[39m` : bar} ${finished}/${total}${tail ? `  ${tail}` : ''}`);
    drawn = true;
  };
  return {
    line(message) {
      clear();
      stream.write(`${message}\n`);
      draw();
    },
    done(name, message) {
      finished += 1;
      active.delete(name);
      this.line(`${message} ${counter()}`);
    },
    started(name) {
      active.add(name);
      draw();
    },
    close() {
      clear();
    },
  };
}
