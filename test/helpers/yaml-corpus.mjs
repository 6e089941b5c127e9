// fast-check arbitraries for the fast-YAML differential check: small documents built from a grammar of
// YAML's corners, and mutations of real documents. Most generated documents are close to what the fast
// path reads, so that it accepts many of them and its values get compared, with a corner dropped in.
import fc from 'fast-check';

const pick = (...values) => fc.constantFrom(...values);
const weighted = (...pairs) => fc.oneof(...pairs.map(([weight, arbitrary]) => ({ weight, arbitrary })));

/** Whitespace YAML sees as space, as not space, or as a line break; and JavaScript's trim() removes. */
const oddSpace = pick('\t', '\u00a0', '\u3000', '\u2000', '\u200b', '\ufeff', '\f', '\v', '\u2028', '\u2029', '\u0085', '\r', '\r\n');
/** Characters YAML forbids or treats specially, and JavaScript strings can hold. */
const oddChar = pick('\x01', '\x07', '\x1b', '\x7f', '\x80', '\x85', '\x9f', '\ud800', '\udfff', '\ufffe', '\uffff', '\ud83d\ude00', '\u00e9', '\u4e2d', '\\', '\0');
const indicator = pick('#', ' #', '# ', ':', ': ', ' :', '::', '-', '- ', '--', '?', '? ', ',', '[', ']', '{', '}', '"', "'", '|', '>', '!', '!!str ', '&a ', '*a', '%', '@', '`', '~', '=', '<<');
const word = pick('a', 'b', 'knee', 'TKA', 'joint replacement', 'x-y', 'x_y', 'Maria', 'über', '中文', '😀', 'http://x.org/a?b=c#d', 'a.b', '$ref', 'id', 'x y  z');
/** Plain scalars the core schema types (or nearly does): nulls, booleans, numbers, dates. */
const typed = pick(
  'null', 'Null', 'NULL', 'nULL', '~', 'true', 'True', 'TRUE', 'tRUE', 'false', 'False', 'FALSE', 'yes', 'No', 'on', 'OFF', 'y',
  '0', '1', '-1', '+1', '-0', '+0', '007', '08', '0.5', '-0.5', '.5', '-.5', '1.', '1.0', '1e3', '1E3', '1e-3', '+1e+3', '1.5e3', '1e', '1e3.5',
  '0x1F', '0X1F', '0x', '-0x1', '0o17', '0O17', '0o8', '0b101', '.inf', '-.inf', '+.INF', '.Inf', '.iNf', '.nan', '.NaN', '.NAN', '-.nan',
  '1_000', '1:20', '2026-11-25', '12:30:00', '0.1.2', '9007199254740993', '1e400', '-1e400', '0.1e-400', '.', '-.', '+', '++1',
);
const escape = pick('\\n', '\\t', '\\\\', '\\"', '\\/', '\\0', '\\a', '\\b', '\\e', '\\f', '\\r', '\\v', '\\N', '\\_', '\\L', '\\P', '\\ ', '\\x41', '\\xe9', '\\u00e9', '\\u2028', '\\ud83d\\ude00', '\\ud800', '\\U0001F600', '\\U00110000', '\\q', '\\x4', '\\u12', '\\u0000', '\\uFEFF', '\\u0085');
const comment = fc.oneof(pick(' # note', ' #', '  # a: [b', ' #TKA', ' # "x', '#x', ' #\u00a0'), fc.tuple(pick(' #', '#', ' '), word).map(([a, b]) => a + b));

/**
 * The grammar, with corners dropped in at a rate: `odd` is their weight against 40 for the subset the fast
 * path reads (400 for keys, separators and line breaks, which every line has). A low rate gives documents
 * the fast path mostly accepts, so their values get compared; a high rate puts several corners in one.
 */
function grammar(odd) {
  const w = (...pairs) => weighted(...pairs.filter(([weight]) => weight > 0));
  const lineBreak = w([400, pick('\n')], [odd, pick('\r\n', '\r', '\r\r\n', '\n\r', '\u2028', '\u0085')]);
  const plain = w(
    [40, word],
    [20, typed],
    [10, fc.array(fc.oneof(word, typed), { minLength: 2, maxLength: 3 }).map((p) => p.join(' '))],
    [10, fc.tuple(word, pick('#', ':', '-', '?', "'", '"', ',', '[', ']', '{', '}', '!', '&', '*', '|', '>', '%', '@', '\\', '.', '/'), word).map((p) => p.join(''))],
    [odd, fc.array(w([4, word], [2, typed], [2, indicator], [1, oddSpace], [1, oddChar]), { minLength: 2, maxLength: 4 }).map((p) => p.join(''))],
  );
  const doubleQuoted = fc.array(w([40, word], [20, escape], [10, pick("'", '#', ' ', ' #', ': ', ',', ']')], [odd, fc.oneof(indicator, oddSpace, oddChar)]), { maxLength: 4 }).map((p) => `"${p.join('')}"`);
  const singleQuoted = fc.array(w([40, word], [20, pick("''", '"', '\\', '#', ' #', ' ', ': ', ',', ']')], [odd, fc.oneof(indicator, oddSpace, oddChar)]), { maxLength: 4 }).map((p) => `'${p.join('')}'`);
  const scalar = w([60, plain], [20, doubleQuoted], [20, singleQuoted], [odd, pick('', ' ', '&a x', '*a', '!!str 1', '!!int "1"', '!x y', '&a', '!!null', '!<tag:yaml.org,2002:str> s')]);

  /** Keys: plain words, typed scalars (`null:`, `true:`), long keys around YAML's 1,024-character limit, quoted, odd. */
  const key = w(
    [400, pick('a', 'b', 'c', 'id', 'name', 'tags', 'x-y', 'x_y', 'A1', '_', 'journeymap', 'title', 'K', 'a1-b_2', 'nulls', 'truth')],
    [2 * odd, typed],
    [odd, fc.integer({ min: 1000, max: 1030 }).map((n) => 'k'.repeat(n))],
    [odd, fc.oneof(doubleQuoted, singleQuoted)],
    [odd, pick('__proto__', 'constructor', 'toString', 'hasOwnProperty', 'a b', 'a#b', 'a:b', '? a', '-a', '- a', '[a]', '{a: 1}', 'é', '😀', '', ' ', 'a ', '<<', '&k a', '!!str a', '*a')],
    [odd, fc.tuple(word, oddSpace).map(([k, sp]) => k + sp)],
  );
  const afterKey = w([400, pick(': ')], [20, pick(':  ', ':   ')], [odd, pick(':', ' : ', ':\t', ':\u00a0', ': \t', ':: ')]);

  /** A flow collection, nested a few levels, with the separators and trailing commas YAML allows and forbids. */
  const { flow } = fc.letrec((tie) => ({
    flow: fc.oneof({ depthSize: 'small', withCrossShrink: true }, tie('flowSeq'), tie('flowMap')),
    flowItem: w([60, scalar], [20, tie('flow')], [odd, fc.tuple(key, pick(': ', ':', ' : '), scalar).map((p) => p.join(''))]),
    flowSeq: fc
      .tuple(fc.array(tie('flowItem'), { maxLength: 4 }), w([40, pick(', ', ',', ' , ', ',  ')], [odd, pick(' ,', ',,', ', ,')]), w([40, pick('', ' ')], [odd, pick(',', ', ', ' ,')]))
      .map(([items, sep, end]) => `[${items.join(sep)}${end}]`),
    flowMap: fc
      .tuple(fc.array(fc.tuple(key, w([40, pick(': ')], [odd, pick(':', ' : ', '')]), w([40, scalar], [10, tie('flow')])), { maxLength: 3 }), pick(', ', ',', ' , '), w([40, pick('', ' ')], [odd, pick(',', ', ')]))
      .map(([pairs, sep, end]) => `{${pairs.map((p) => p.join('')).join(sep)}${end}}`),
  }));

  const inlineValue = w([100, scalar], [30, flow], [odd, fc.tuple(scalar, fc.oneof(indicator, oddSpace), scalar).map((p) => p.join(''))]);

  /** A block scalar header (`|`, `>-`, `|2+`…) and body lines, some more indented, some blank or white. */
  const blockScalar = fc
    .tuple(
      pick('|', '>'),
      w([40, pick('', '-')], [odd, pick('+')]),
      w([40, pick('')], [odd, pick('1', '2', '4', '9', '0')]),
      fc.boolean(),
      w([40, pick('')], [10, comment], [odd, pick(' x', '\t', '  ', '#x')]),
      fc.array(
        fc.tuple(w([60, pick(0)], [10, pick(1, 2)], [odd, pick(-1, -2)]), w([60, fc.oneof(word, plain)], [20, pick('', ' ', '  ', '# not a comment', '- x', 'a: b', '---', '--- x', '...', '%YAML 1.2', '-'.repeat(300))], [odd, fc.oneof(oddSpace, indicator)])),
        { maxLength: 5 },
      ),
    )
    .map(([style, chomp, indent, indentFirst, header, lines]) => ({ header: style + (indentFirst ? indent + chomp : chomp + indent) + header, lines }));

  /** A line between entries: a comment or blank line at any indentation, or text continuing a value. */
  const rawLine = fc
    .tuple(
      w([40, pick(0)], [20, pick(1, 2, 4)], [odd, pick(-1, -2)]),
      w([40, fc.oneof(comment, pick('', ' ', '#')).map((c) => c.trimStart())], [10, fc.oneof(word, plain, flow)], [odd, fc.oneof(oddSpace, indicator, pick('\t', ' \t'))]),
    )
    .map(([shift, raw]) => ({ raw, shift }));

  /**
   * A block node as a tree: a mapping or a sequence whose values are inline values, block scalars or
   * nested nodes; comment and blank lines between entries. render() writes it as lines.
   */
  const { block, map } = fc.letrec((tie) => ({
    block: fc.oneof({ depthSize: 'small', withCrossShrink: true, maxDepth: 4 }, tie('map'), tie('map'), tie('seq')),
    value: w(
      [100, inlineValue.map((v) => ({ inline: v }))],
      [30, tie('block').map((b) => ({ nested: b, shift: 2 }))],
      [10, fc.tuple(tie('block'), pick(0, 1, 3, 4)).map(([b, shift]) => ({ nested: b, shift }))],
      [20, blockScalar.map((s) => ({ scalar: s }))],
      [10, pick({ inline: '' })],
    ),
    entry: fc.tuple(key, afterKey, tie('value'), w([40, pick('')], [5, comment])).map(([k, sep, value, note]) => ({ key: k, sep, value, note })),
    map: fc.array(w([100, tie('entry')], [10, rawLine]), { minLength: 1, maxLength: 4 }).map((items) => ({ kind: 'map', items })),
    seq: fc.array(w([100, tie('value')], [10, rawLine]), { minLength: 1, maxLength: 4 }).map((items) => ({ kind: 'seq', items })),
  }));

  return fc
    .tuple(
      w([400, pick('')], [odd, pick('\ufeff', '---\n', '--- ', '%YAML 1.2\n---\n', '%TAG ! tag:x,2000:\n---\n', '# c\n', '\n', ' ', '\t', '...\n')]),
      w([100, map], [odd, block]),
      lineBreak,
      w([40, pick(false)], [odd, pick(true)]),
      w([400, pick('', '\n')], [odd, pick('...\n', '---\n', '--- x\n', '\n...', '# end', '\n\n\n', ' ', '\t', '\r')]),
    )
    .map(([prefix, node, eol, mixed, suffix]) => {
      const lines = [];
      render(node, 0, lines);
      return prefix + lines.map(([indent, text], i) => ' '.repeat(indent) + text + (mixed && i % 2 ? '\n' : eol)).join('') + suffix;
    });
}

function render(node, indent, lines) {
  for (const item of node.items) {
    if (item.raw !== undefined) {
      lines.push([Math.max(0, indent + item.shift), item.raw]);
      continue;
    }
    const [head, sep, value, note] = node.kind === 'map' ? [item.key, item.sep, item.value, item.note] : ['-', ' ', item, ''];
    if (value.inline !== undefined) lines.push([indent, value.inline === '' ? head + sep.trimEnd() + note : head + sep + value.inline + note]);
    else if (value.scalar) {
      lines.push([indent, `${head}${sep}${value.scalar.header}${note}`]);
      for (const [shift, text] of value.scalar.lines) lines.push([Math.max(0, indent + 2 + shift), text]);
    } else {
      lines.push([indent, head + sep.trimEnd() + note]);
      // A sequence may sit at its key's indentation; a shift of 0 also makes other nodes fail or fold.
      render(value.nested, indent + value.shift, lines);
    }
  }
}

/** A whole small document: an optional BOM, directives and markers around a block node; corners rare or common. */
export const documentArb = fc.oneof(grammar(1), grammar(4), grammar(40));

/** Nesting around the 64-level limit: flow brackets, block sequences and mappings, in text and quoted text. */
export const nestingArb = fc
  .tuple(fc.integer({ min: 60, max: 68 }), pick('flow-seq', 'flow-map', 'block-seq', 'block-map', 'quoted', 'block-scalar'))
  .map(([depth, kind]) => {
    const n = depth - 1;
    switch (kind) {
      case 'flow-seq':
        return `a: ${'['.repeat(n)}x${']'.repeat(n)}\n`;
      case 'flow-map':
        return `a: ${'{b: '.repeat(n)}x${'}'.repeat(n)}\n`;
      case 'block-seq':
        return `a:\n${Array.from({ length: n }, (_, i) => `${' '.repeat(2 * i)}-`).join('\n')} x\n`;
      case 'block-map':
        return `${Array.from({ length: depth }, (_, i) => `${' '.repeat(i)}k:`).join('\n')} x\n`;
      case 'quoted':
        return `title: "${'['.repeat(depth)}"\ntags: ['${'{'.repeat(depth)}']\n`;
      default:
        return `text: |\n  ${'-'.repeat(depth * 5)}\n  ${'- '.repeat(depth)}\n  ${'['.repeat(depth)}\n`;
    }
  });

/** Text put into a document by a mutation: indicators, odd spaces and characters, line breaks. */
const insertion = weighted([4, indicator], [2, oddSpace], [2, oddChar], [2, pick('\n', '\n ', '\n  ', '\n- ', ' ', '  ', '\t')], [1, typed], [1, pick('"', "'", '\\', '#')]);
const SWAPS = { '[': '{', '{': '[', ']': '}', '}': ']', '"': "'", "'": '"', ':': '-', '-': ':', '#': '&', ',': ' ', ' ': '\t', '|': '>', '>': '|' };

/** One edit at a place given as a fraction of the text: insert, delete, replace, swap, or shift a line. */
const edit = fc.tuple(fc.nat({ max: 1_000_000 }), pick('insert', 'insert', 'boundary', 'boundary', 'delete', 'replace', 'swap', 'indicator', 'line-delete', 'line-dup', 'indent', 'dedent'), insertion, fc.integer({ min: 1, max: 3 }));

function applyEdit(text, [where, op, piece, size]) {
  const at = Math.floor((where / 1_000_001) * (text.length + 1));
  const lineStart = text.lastIndexOf('\n', at - 1) + 1;
  const lineEnd = text.indexOf('\n', at) < 0 ? text.length : text.indexOf('\n', at) + 1;
  switch (op) {
    case 'insert':
      return text.slice(0, at) + piece + text.slice(at);
    case 'boundary': {
      // Where values end and parsers disagree most: before the next comma, bracket, comment, colon or line end.
      const m = /[,\]}#:\n]/.exec(text.slice(at));
      const to = m ? at + m.index : text.length;
      return text.slice(0, to) + piece + text.slice(to);
    }
    case 'delete':
      return text.slice(0, at) + text.slice(at + size);
    case 'replace':
      return text.slice(0, at) + piece + text.slice(at + 1);
    case 'swap':
      return at + 1 < text.length ? text.slice(0, at) + text[at + 1] + text[at] + text.slice(at + 2) : text;
    case 'indicator': {
      // The next indicator character after the place, swapped for another.
      const m = /[[\]{}"':#,|>-]/.exec(text.slice(at));
      return m ? text.slice(0, at + m.index) + SWAPS[m[0]] + text.slice(at + m.index + 1) : text;
    }
    case 'line-delete':
      return text.slice(0, lineStart) + text.slice(lineEnd);
    case 'line-dup':
      return text.slice(0, lineEnd) + text.slice(lineStart, lineEnd) + text.slice(lineEnd);
    case 'indent':
      return `${text.slice(0, lineStart)}${' '.repeat(size)}${text.slice(lineStart)}`;
    default:
      return text.slice(0, lineStart) + text.slice(lineStart).replace(/^ {1,3}/, '');
  }
}

/** A seed document (by index) with one to three edits applied. */
export function mutationArb(seeds) {
  return fc.tuple(fc.nat({ max: seeds.length - 1 }), fc.array(edit, { minLength: 1, maxLength: 3 })).map(([i, edits]) => edits.reduce(applyEdit, seeds[i].text));
}

/** The same edits applied to one given document, for a fixed number of mutations of each seed. */
export function mutationsOf(text) {
  return fc.array(edit, { minLength: 1, maxLength: 3 }).map((edits) => edits.reduce(applyEdit, text));
}
