/** `1 map`, `3 maps`, `2 stretches`: a count and its noun, for every message and report. */
export function plural(count: number, word: string, many = `${word}s`): string {
  return `${count} ${count === 1 ? word : many}`;
}
