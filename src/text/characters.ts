/**
 * Characters no HTML page or SVG image may hold (XML 1.0 refuses them, browsers and SVG tools reject the
 * document): C0 controls but tab, line feed and carriage return; DEL and the C1 controls; lone surrogates;
 * the noncharacters (U+FDD0–U+FDEF, and U+FFFE/U+FFFF of every plane). YAML lets them in through escapes
 * such as "\x01". A map is text people read, so such a character is always a mistake.
 */
const INVALID = /[\0-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufdd0-\ufdef\ufffe\uffff]|[\ud83f\ud87f\ud8bf\ud8ff\ud93f\ud97f\ud9bf\ud9ff\uda3f\uda7f\udabf\udaff\udb3f\udb7f\udbbf\udbff][\udffe\udfff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** The first character of `text` that no output can hold, if any. */
export function invalidCharacter(text: string): string | undefined {
  return INVALID.exec(text)?.[0];
}

const INVALID_ALL = new RegExp(INVALID.source, 'g');

/**
 * The text with every character no page can hold replaced by U+FFFD, the replacement character: what the
 * renderers do to their output, so a map whose `invalid-character` rule was turned off still gives a
 * well-formed SVG and HTML.
 */
export function replaceInvalidCharacters(text: string): string {
  return INVALID.test(text) ? text.replace(INVALID_ALL, '\ufffd') : text;
}

/** `U+0001`: how a character is named in messages, since it cannot be shown. */
export function codePoint(char: string): string {
  return `U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** What kind of character it is, for a message. */
export function describeCharacter(char: string): string {
  const code = char.codePointAt(0)!;
  return code < 0x20 || (code >= 0x7f && code <= 0x9f) ? 'control character' : code >= 0xd800 && code <= 0xdfff ? 'broken surrogate' : 'noncharacter';
}
