import { constants } from 'node:os';

const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

/** Watches for Ctrl-C and termination while printing, in place of Node's default of dying at once. */
export interface Interruption {
  /** The first signal received, if any. */
  readonly signal?: NodeJS.Signals;
  /** The exit code shells expect for that signal: 128 + its number (130 for SIGINT, 143 for SIGTERM). */
  readonly exitCode: number;
  dispose(): void;
}

/**
 * The first signal calls `stop`, which closes the browser so every pending page fails fast and the run
 * ends through its normal `finally` blocks: outputs are written atomically, so none is left half-written.
 * A second signal means the person will not wait: `force` kills the browser synchronously and exits.
 */
export function watchInterrupts(stop: (signal: NodeJS.Signals) => void, force: () => void): Interruption {
  const state: { signal?: NodeJS.Signals } = {};
  const exitCode = () => 128 + (state.signal ? (constants.signals[state.signal] ?? 2) : 0);
  const handler = (signal: NodeJS.Signals) => {
    if (state.signal) {
      force();
      process.exit(exitCode());
    }
    state.signal = signal;
    stop(signal);
  };
  for (const signal of SIGNALS) process.on(signal, handler);
  return {
    get signal() {
      return state.signal;
    },
    get exitCode() {
      return exitCode();
    },
    dispose() {
      for (const signal of SIGNALS) process.off(signal, handler);
    },
  };
}

/** Resolves on the first SIGINT or SIGTERM: the way a watch or a server is meant to end. */
export function untilInterrupted(): Promise<void> {
  return new Promise((done) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      done();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}
