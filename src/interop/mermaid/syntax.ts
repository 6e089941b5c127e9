/**
 * What the Mermaid `journey` grammar allows: a title up to `#` or `;`, sections and task names up to
 * `:`, `#` or `;`, actors separated by commas. One module owns these rules for export and import.
 */

/** Prefix of the comment lines that carry what Mermaid cannot say (ids, channels), as one JSON object. */
export const META_PREFIX = 'journeymap:';

/** Text for a title: one line, without `#` or `;`. */
export function titleText(text: string): string {
  return oneLine(text).replace(/#/g, 'No. ').replace(/;/g, ',').trim();
}

/** Text for a section or task name: also without `:`, which would end the name. */
export function nameText(text: string): string {
  return titleText(text.replace(/\s*:\s*/g, ' - ')).replace(/\s+/g, ' ').trim() || '-';
}

/** An actor: also without `,`, which would split it in two. */
export function actorText(text: string): string {
  return nameText(text).replace(/\s*,\s*/g, ' ').trim();
}

function oneLine(text: string): string {
  // `%%` inside a name would not start a comment, but a leading one would: keep the text literal.
  return text.replace(/[\r\n]+/g, ' ').replace(/%%/g, '%');
}

/** Emotion -2..2 to Mermaid's score 1..5, and back. */
export const scoreOf = (emotion: number): number => emotion + 3;
export const emotionOf = (score: number): number => Math.max(-2, Math.min(2, Math.round(score) - 3));
