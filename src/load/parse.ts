import { Composer, isAlias, isCollection, isMap, isScalar, isSeq, Lexer, LineCounter, Parser, visit, YAMLParseError, type CST, type Document, type DocumentOptions, type Node, type ParseOptions, type SchemaOptions } from 'yaml';
import type { RawFinding } from '../validate/finding.js';
import { duplicateKeyOffsets } from './duplicate-keys.js';
import { MAX_DEPTH } from './limits.js';
import { ItemCounter, MAX_YAML_ITEMS } from './yaml-items.js';
import { explainYamlErrors } from './yaml-errors.js';

export { MAX_DEPTH } from './limits.js';

/** YAML maps never need aliases; a handful is allowed, an alias bomb is not. */
export const MAX_ALIASES = 100;

export interface ParsedSource {
  /** The data, when the file parsed into a top-level mapping. */
  data?: Record<string, unknown>;
  document?: Document.Parsed;
  lineCounter: LineCounter;
  findings: RawFinding[];
}

/** Parses YAML keeping source positions, turning every parser complaint into a located finding. */
export function parseWithPositions(text: string): ParsedSource {
  const lineCounter = new LineCounter();
  const findings: RawFinding[] = [];
  let document: Document.Parsed;
  try {
    // yaml's own duplicate-key check (uniqueKeys) compares each key with every key before it, quadratic in
    // a mapping's size; duplicateKeyOffsets finds the same keys with one set per mapping.
    const parsed = parseDocumentWithinLimits(text, { lineCounter, prettyErrors: false, uniqueKeys: false, merge: false, version: '1.2', schema: 'core', strict: true });
    if ('tooDeep' in parsed) {
      findings.push({ ruleId: 'nesting-depth', message: `the YAML nests more than ${MAX_DEPTH} levels deep`, path: [], offset: parsed.tooDeep });
      return { lineCounter, findings };
    }
    if ('tooMany' in parsed) {
      const message = `the file holds more than ${MAX_YAML_ITEMS.toLocaleString('en-US')} YAML items (keys, values, list entries), over the limit for a journey map`;
      findings.push({ ruleId: 'file-too-large', message, path: [], offset: parsed.tooMany });
      return { lineCounter, findings };
    }
    document = parsed.document;
  } catch (error) {
    findings.push({ ruleId: 'yaml-syntax', message: `the YAML cannot be parsed: ${(error as Error).message}`, path: [], offset: 0 });
    return { lineCounter, findings };
  }
  // uniqueKeys is off (see above): duplicate keys come from duplicateKeyOffsets, in one pass.
  findings.push(...explainYamlErrors(text, document.errors, duplicateKeyOffsets(document)));
  for (const warning of document.warnings) {
    findings.push({ ruleId: 'yaml-warning', message: cleanMessage(warning.message), path: [], offset: warning.pos[0] });
  }
  if (findings.some((f) => f.ruleId !== 'yaml-warning')) return { document, lineCounter, findings };

  const root = document.contents;
  if (root === null || (isScalar(root) && root.value === null && !text.slice(root.range[0], root.range[1]).trim())) {
    const what = text.trim() ? 'the file holds only comments' : 'the file is empty';
    findings.push({ ruleId: 'empty-file', message: `${what}: a map starts with \`journeymap: 1\``, path: [], offset: 0 });
    return { document, lineCounter, findings };
  }
  if (!isMap(root)) {
    const what = isSeq(root) ? 'a list' : isAlias(root) ? 'an alias' : 'a single value';
    findings.push({ ruleId: 'not-a-map', message: `the top level is ${what}; a map is a mapping that starts with \`journeymap: 1\``, path: [], offset: root.range?.[0] ?? 0 });
    return { document, lineCounter, findings };
  }
  // An alias is written `*name`: a file without a `*` has none, and need not be walked for them.
  const aliases = text.includes('*') ? countAliases(document) : { count: 0, firstOffset: 0 };
  if (aliases.count > MAX_ALIASES) {
    findings.push({ ruleId: 'alias-limit', message: `the file uses ${aliases.count} YAML aliases, over the limit of ${MAX_ALIASES}`, path: [], offset: aliases.firstOffset });
    return { document, lineCounter, findings };
  }
  const complexKey = firstComplexKey(document);
  if (complexKey !== undefined) {
    findings.push({ ruleId: 'yaml-syntax', message: 'a list, a mapping or an alias is used as a key; keys are single words such as `title` (a line that starts with `? ` makes what follows a key)', path: [], offset: complexKey });
    return { document, lineCounter, findings };
  }
  try {
    const data = document.toJS({ maxAliasCount: MAX_ALIASES * 10 }) as Record<string, unknown>;
    return { data, document, lineCounter, findings };
  } catch (error) {
    // Aliases within the count can still multiply (each alias of an alias): yaml stops that here.
    findings.push({ ruleId: 'alias-limit', message: `the aliases in this file expand too far: ${(error as Error).message}`, path: [], offset: aliases.firstOffset });
    return { document, lineCounter, findings };
  }
}

function cleanMessage(message: string): string {
  return message.replace(/ at line \d+, column \d+:?[\s\S]*$/, '').trim();
}

/**
 * Where the first key that is not a plain value starts. JavaScript objects only have text keys: the yaml
 * package would turn such a key into text and print a warning of its own on stderr.
 */
function firstComplexKey(document: Document): number | undefined {
  let at: number | undefined;
  visit(document, {
    Pair(_, pair) {
      if (isCollection(pair.key) || isAlias(pair.key)) {
        at = (pair.key as Node).range?.[0] ?? 0;
        return visit.BREAK;
      }
    },
  });
  return at;
}

function countAliases(document: Document): { count: number; firstOffset: number } {
  let count = 0;
  let firstOffset = 0;
  visit(document, {
    Alias(_, node) {
      if (count++ === 0) firstOffset = node.range?.[0] ?? 0;
    },
  });
  return { count, firstOffset };
}

/**
 * What `yaml`'s parseDocument does (same lexer, parser, composer and options), except that it stops before
 * the composer sees the document when a collection nests deeper than MAX_DEPTH (the composer recurses), or
 * when the text holds more than MAX_YAML_ITEMS items (the document would take gigabytes): then it returns
 * where the first such collection, or the first item past the limit, starts. Depth counts collections as
 * written (block mappings, block sequences, flow collections), top level 1, measured on yaml's parser stack,
 * which is an array, not the call stack: 20,000 brackets cost no recursion, and brackets in quoted text or
 * block scalars none at all. The fast path (fast-yaml.ts) gives up above the same depth.
 */
function parseDocumentWithinLimits(
  text: string,
  options: ParseOptions & DocumentOptions & SchemaOptions & { lineCounter: LineCounter },
): { document: Document.Parsed } | { tooDeep: number } | { tooMany: number } {
  const parser = new Parser(options.lineCounter.addNewLine);
  const items = new ItemCounter();
  let tooDeep: number | undefined;
  let tooMany: number | undefined;
  function* tokens(): Generator<CST.Token> {
    options.lineCounter.addNewLine(0);
    for (const lexeme of new Lexer().lex(text)) {
      if (items.add(lexeme)) {
        tooMany = items.offset;
        return;
      }
      yield* parser.next(lexeme);
      if (parser.stack.length > MAX_DEPTH && (tooDeep = firstTooDeep(parser.stack)) !== undefined) return;
    }
    yield* parser.end();
  }
  let document: Document.Parsed | undefined;
  for (const next of new Composer(options).compose(tokens(), true, text.length)) {
    if (!document) document = next;
    else {
      document.errors.push(new YAMLParseError([next.range[0], next.range[1]], 'MULTIPLE_DOCS', 'Source contains multiple documents; please use YAML.parseAllDocuments()'));
      break;
    }
  }
  if (tooDeep !== undefined) return { tooDeep };
  if (tooMany !== undefined) return { tooMany };
  return { document: document! };
}

/** Offset of the collection on the parser's stack that is nested deeper than MAX_DEPTH, if any. */
function firstTooDeep(stack: CST.Token[]): number | undefined {
  let depth = 0;
  for (const token of stack) {
    if ((token.type === 'block-map' || token.type === 'block-seq' || token.type === 'flow-collection') && ++depth > MAX_DEPTH) return token.offset;
  }
  return undefined;
}

/** A node's start and end offsets, or undefined for nodes with no source range. */
export function nodeRange(node: Node | null | undefined): [number, number] | undefined {
  const range = node?.range;
  return range ? [range[0], range[1]] : undefined;
}
