/**
 * What the Mermaid `journey` grammar (lexer.ts) lets through: a title up to `#` or `;`, sections and task
 * names up to `:`, `#` or `;`, actors separated by commas; an accTitle or accDescr to the end of its line.
 * One module owns these rules for export and import.
 */

/** Prefix of the comment lines that carry what Mermaid cannot say (ids, channels), as one JSON object. */
export const META_PREFIX = 'journeymap:';

/** Text for a title: one line, without `#` or `;`. */
export function titleText(text: string): string {
  return oneLine(text).replace(/#/g, 'No. ').replace(/;/g, ',').trim();
}

/** Text for a section name: also without `:`, which would end the name. */
export function nameText(text: string): string {
  return titleText(text.replace(/\s*:\s*/g, ' - ')).replace(/\s+/g, ' ').trim() || '-';
}

/**
 * Text for a task name. Mermaid reads a line that starts with a keyword (`journey`, `title `, `section `,
 * `accDescr {`) as that keyword whatever its case, and one that starts with `%` as a comment: such a name
 * starts with an entity code instead (`#106;ourney`), which Mermaid shows as the letter.
 */
export function taskText(text: string): string {
  const name = nameText(text);
  return /^(?:journey\b|title\s|section\s|accDescr\s*\{|%|.%%)/i.test(name) ? `#${name.codePointAt(0)};${name.slice(1)}` : name;
}

/** An actor: also without `,`, which would split it in two. */
export function actorText(text: string): string {
  return nameText(text).replace(/\s*,\s*/g, ' ').trim();
}

/** Text for `accTitle:` or `accDescr:`: one line, anything but what Mermaid would take for an entity code. */
export function accTitleText(text: string): string {
  return oneLine(text).replace(/#(?=\w+;)/g, '#35;').trim();
}

function oneLine(text: string): string {
  // `%%` anywhere could start a `%%{` directive, and a leading one a comment: keep the text literal.
  return text.replace(/[\r\n]+/g, ' ').replace(/%%/g, '%');
}

/**
 * A description as `accDescr`: one line, or a `{ }` block for several (Mermaid strips each line's
 * indentation and blank lines; a `}` would end the block, so such a text goes on one line). `readBack`
 * is what Mermaid, and so `journeymap import`, will read.
 */
export function accDescrLines(text: string, indent: string): { lines: string[]; readBack: string } {
  const lines = text.trim().split(/\r?\n/).map((l) => accTitleText(l)).filter(Boolean);
  if (lines.length <= 1 || text.includes('}')) {
    const line = accTitleText(text);
    return { lines: [`${indent}accDescr: ${line}`], readBack: line.replace(/#35;/g, '#') };
  }
  return { lines: [`${indent}accDescr {`, ...lines.map((l) => `${indent}  ${l}`), `${indent}}`], readBack: lines.join('\n').replace(/#35;/g, '#') };
}

/** Emotion -2..2 to Mermaid's score 1..5, and back. */
export const scoreOf = (emotion: number): number => emotion + 3;
export const emotionOf = (score: number): number => Math.max(-2, Math.min(2, Math.round(score) - 3));
