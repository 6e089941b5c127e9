/**
 * What the Mermaid `journey` grammar (lexer.ts) lets through: a title up to `#` or `;`, sections and task
 * names up to `:`, `#` or `;`, actors separated by commas; an accTitle or accDescr to the end of its line.
 * Mermaid reads an entity code (`#35;`) as the character it stands for wherever it is, so text is written
 * with codes for the characters the grammar would stop at, and reads back the same. One module owns these
 * rules for export and import.
 */

/** Prefix of the comment lines that carry what Mermaid cannot say (ids, channels), as one JSON object. */
export const META_PREFIX = 'journeymap:';

const code = (c: string) => `#${c.codePointAt(0)};`;

/** Text on one line, with `#` and the other `characters` as entity codes, and no `%%` to start a directive. */
function escaped(text: string, characters: string): string {
  return text
    .replace(/[\r\n]+/g, ' ')
    .replace(new RegExp(`[#${characters}]|%(?=%)`, 'g'), code)
    .trim();
}

/** Text for a title: without `#` or `;`, which would end it. */
export function titleText(text: string): string {
  return escaped(text, ';');
}

/** Text for a section name: also without `:`. */
export function nameText(text: string): string {
  return escaped(text, ';:') || '-';
}

/**
 * Text for a task name. Mermaid reads a line that starts with a keyword (`journey`, `title `, `section `,
 * `accDescr {`) as that keyword whatever its case, and one that starts with `%` as a comment: such a name
 * starts with an entity code instead (`#106;ourney`), which Mermaid shows as the letter.
 */
export function taskText(text: string): string {
  const name = nameText(text);
  return /^(?:journey\b|title\s|section\s|accDescr\s*\{|%)/i.test(name) ? `${code(name)}${name.slice(1)}` : name;
}

/** An actor: also without `,`, which would split it in two. */
export function actorText(text: string): string {
  return escaped(text, ';:,');
}

/** Text for `accTitle:` or `accDescr:`, which run to the end of the line: only entity codes need care. */
export function accTitleText(text: string): string {
  return text.replace(/[\r\n]+/g, ' ').replace(/#(?=\w+;)|%(?=%)/g, code).trim();
}

/** What Mermaid shows for text written with entity codes. */
export function shownText(written: string): string {
  return written.replace(/#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)));
}

/**
 * A description as `accDescr`: one line, or a `{ }` block for several (Mermaid strips each line's
 * indentation and blank lines; a `}` would end the block, so such a text goes on one line). `readBack`
 * is what Mermaid, and so `journeymap import`, will read.
 */
export function accDescrLines(text: string, indent: string): { lines: string[]; readBack: string } {
  const lines = text.trim().split(/\r?\n/).map(accTitleText).filter(Boolean);
  if (lines.length <= 1 || text.includes('}')) {
    const line = accTitleText(text);
    return { lines: [`${indent}accDescr: ${line}`], readBack: shownText(line) };
  }
  return { lines: [`${indent}accDescr {`, ...lines.map((l) => `${indent}  ${l}`), `${indent}}`], readBack: shownText(lines.join('\n')) };
}

/** Emotion -2..2 to Mermaid's score 1..5, and back. */
export const scoreOf = (emotion: number): number => emotion + 3;
export const emotionOf = (score: number): number => Math.max(-2, Math.min(2, Math.round(score) - 3));
