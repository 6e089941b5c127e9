import { lexJourney, type Lexed, type Token } from './lexer.js';
import { emotionOf, META_PREFIX } from './syntax.js';

/** A problem with one place in a Mermaid file. Lines and columns are 1-based. */
export interface MermaidProblem {
  line: number;
  column: number;
  severity: 'error' | 'warning';
  ruleId: 'mermaid-not-journey' | 'mermaid-syntax' | 'mermaid-bad-score' | 'mermaid-bad-comment' | 'mermaid-not-imported';
  message: string;
}

export interface ParsedTask {
  line: number;
  name: string;
  emotion?: number;
  actors: string[];
  meta?: Record<string, unknown>;
  comments: string[];
}

export interface ParsedSection {
  line: number;
  name: string;
  meta?: Record<string, unknown>;
  comments: string[];
  tasks: ParsedTask[];
}

/** What a Mermaid `journey` diagram says, before it becomes a map. */
export interface ParsedJourney {
  /** The diagram's title: its last `title` line, else the frontmatter's. */
  title?: string;
  accTitle?: string;
  accTitleAt?: { line: number; column: number };
  /** The `accDescr`. */
  description?: string;
  header?: Record<string, unknown>;
  sections: ParsedSection[];
  /** Plain comments before `journey`. */
  leading: string[];
  /** Plain comments after the last task. */
  trailing: string[];
  problems: MermaidProblem[];
}

type Problem = (at: { line: number; column?: number }, ruleId: MermaidProblem['ruleId'], message: string, severity?: MermaidProblem['severity']) => void;

/**
 * Reads a Mermaid journey diagram as Mermaid does (see lexer.ts), and refuses, with its place, whatever
 * Mermaid refuses. Plain comments (`%%` lines, `#` to the end of a line) are kept to be written as YAML
 * comments beside the next section or task; `%% journeymap:` comments carry data for the next section or
 * task (or, before `journey`, for the map).
 */
export function parseMermaidJourney(text: string): ParsedJourney {
  const out: ParsedJourney = { sections: [], leading: [], trailing: [], problems: [] };
  const problem: Problem = (at, ruleId, message, severity = 'warning') => out.problems.push({ line: at.line, column: at.column ?? 1, severity, ruleId, message });
  const lexed = lexJourney(text);
  if (lexed.frontmatterError) problem({ line: lexed.frontmatterError.line }, 'mermaid-syntax', `the frontmatter is not YAML: ${lexed.frontmatterError.message}`, 'error');
  if (!lexed.isJourney || lexed.tokens[0]?.kind !== 'journey') {
    const first = lexed.tokens[0];
    if (!first) problem({ line: 1 }, 'mermaid-not-journey', 'the file is empty: a Mermaid journey diagram starts with `journey`', 'error');
    else if (first.text.startsWith('---')) problem(first, 'mermaid-not-journey', 'a frontmatter must open on the first line of the diagram: Mermaid refuses a diagram that begins with --- anywhere else', 'error');
    else problem(first, 'mermaid-not-journey', `expected \`journey\` to start a Mermaid journey diagram, found "${clip(lineOf(text, first.line) ?? first.text)}"`, 'error');
    return out;
  }
  if (lexed.frontmatter?.title) out.title = lexed.frontmatter.title.trim() || undefined;
  if (lexed.frontmatter?.config) problem({ line: 1 }, 'mermaid-not-imported', "the frontmatter's config (how Mermaid draws the diagram) has no place in a map; not imported");
  for (const line of lexed.directives) problem({ line }, 'mermaid-not-imported', 'a %%{init}%% directive (how Mermaid draws the diagram) has no place in a map; not imported');

  const journeyLine = lexed.tokens[0].line;
  let comments: string[] = [];
  let pendingMeta: Record<string, unknown> | undefined;
  let current: ParsedSection | undefined;
  let lastStatement: Token | undefined;
  // Mermaid stops at its first error; going on to the next line reports every refused line at once.
  let refusedLine = 0;
  const section = (line: number): ParsedSection => {
    // Tasks before any section go into one that stands for the whole journey.
    if (!current) {
      current = { line, name: 'Journey', comments: [], tasks: [] };
      out.sections.push(current);
    }
    return current;
  };
  for (const event of inFileOrder(lexed)) {
    if ('comment' in event) {
      if (!event.comment.startsWith(META_PREFIX)) {
        if (event.comment) (event.line < journeyLine ? out.leading : comments).push(event.comment);
        continue;
      }
      const data = metaOf(event.comment);
      if (!data) problem(event, 'mermaid-bad-comment', `the ${META_PREFIX} comment is not a JSON object; ignored`);
      else if (event.line < journeyLine) out.header = data;
      else if ('stage' in data && current && current.meta === undefined && current.tasks.length === 0) current.meta = data;
      else pendingMeta = data;
      continue;
    }
    const { token, data, next } = event;
    if (token.line === refusedLine) continue;
    switch (token.kind) {
      case 'comment':
        // `#` starts a comment to the end of the line; one after a task belongs to that task.
        if (lastStatement?.kind === 'taskName' && lastStatement.line === token.line) current?.tasks.at(-1)?.comments.push(token.text);
        else if (token.text) comments.push(token.text);
        continue;
      case 'title':
        out.title = token.text.slice(6).trim() || out.title;
        break;
      case 'accTitle':
        out.accTitle = token.text || undefined;
        out.accTitleAt = { line: token.line, column: token.column };
        break;
      case 'accDescr':
        out.description = token.text || undefined;
        break;
      case 'section':
        current = { line: token.line, name: token.text.slice(8).trim() || '-', comments, tasks: [] };
        comments = [];
        out.sections.push(current);
        if (pendingMeta && 'stage' in pendingMeta) current.meta = pendingMeta;
        pendingMeta = undefined;
        break;
      case 'taskName': {
        if (!data) {
          refuseTask(token, next, problem);
          refusedLine = token.line;
          continue;
        }
        const task: ParsedTask = { line: token.line, name: token.text.trim(), actors: [], comments, meta: pendingMeta };
        comments = [];
        pendingMeta = undefined;
        readTaskData(task, data, problem);
        section(token.line).tasks.push(task);
        break;
      }
      default:
        refuseToken(token, lastStatement, problem);
        refusedLine = token.line;
        continue;
    }
    lastStatement = token;
  }
  out.trailing = comments;
  if (lexed.unclosed) problem(lexed.unclosed, 'mermaid-syntax', '`accDescr {` is never closed with `}`', 'error');
  return out;
}

type Event = { comment: string; line: number } | { token: Token; data?: Token; next?: Token };

/** Comments and statements after `journey`, in the order of the file; a task name and its data, on one line, are one. */
function inFileOrder(lexed: Lexed): Event[] {
  const events: Event[] = lexed.comments.map((c) => ({ comment: c.text, line: c.line }));
  const tokens = lexed.tokens.slice(1);
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    const next = tokens[i + 1];
    if (token.kind === 'taskName' && next?.kind === 'taskData' && next.line === token.line) events.push({ token, data: tokens[++i] });
    else events.push({ token, next });
  }
  return events.sort((a, b) => ('token' in a ? a.token.line : a.line) - ('token' in b ? b.token.line : b.line));
}

/** journeyDb.addTask: `: score: actor, actor`; more `:` parts are ignored, as Mermaid ignores them. */
function readTaskData(task: ParsedTask, data: Token, problem: Problem): void {
  const [scoreText, actors, ...rest] = data.text.slice(1).split(':');
  task.actors = (actors ?? '').split(',').map((a) => a.trim()).filter(Boolean);
  if (rest.length) problem(data, 'mermaid-not-imported', `"${clip(rest.join(':').trim())}" after a third ":" is ignored, as Mermaid ignores it`);
  const score = Number(scoreText);
  if (!scoreText.trim() || !Number.isFinite(score)) {
    problem(data, 'mermaid-bad-score', `task "${clip(task.name)}" has no numeric score ("${clip(scoreText.trim())}"); imported without an emotion`);
    return;
  }
  if (score < 1 || score > 5 || !Number.isInteger(score)) problem(data, 'mermaid-bad-score', `score ${scoreText.trim()} is not a whole number from 1 to 5; imported as emotion ${emotionOf(score)}`);
  task.emotion = emotionOf(score);
}

/** A task name Mermaid does not follow with `: score`. */
function refuseTask(name: Token, next: Token | undefined, problem: Problem): void {
  const shown = clip(name.text.trim());
  let message: string;
  const sameLine = next?.line === name.line;
  if (sameLine && next?.kind === 'comment') message = `"#" starts a comment in Mermaid, so the task "${shown}" ends before it and has no score; write # as #35;`;
  else if (sameLine && next?.kind === 'invalid') message = `";" cannot appear in a Mermaid task line (after "${shown}"); write it as #59;`;
  else if (sameLine && next?.kind === 'colon') message = `the task "${shown}" has nothing after ":"; Mermaid wants "name: score" or "name: score: actor, actor"`;
  else message = `not a title, section or task line: "${shown}"; Mermaid wants "name: score: actor, actor"`;
  const at = next?.line === name.line && (next.kind === 'invalid' || next.kind === 'colon' || next.kind === 'comment') ? next : name;
  problem(at, 'mermaid-syntax', message, 'error');
}

/** A token Mermaid's grammar does not allow where it stands. */
function refuseToken(token: Token, previous: Token | undefined, problem: Problem): void {
  let message: string;
  if (token.kind === 'journey') message = '`journey` may only start the diagram: a section or task name cannot begin with the word "journey"';
  else if (token.kind === 'invalid') message = '";" cannot appear here in a Mermaid journey; write it as #59;';
  else if ((token.kind === 'taskData' || token.kind === 'colon') && previous?.kind === 'section' && previous.line === token.line)
    message = `a section name cannot contain ":" (Mermaid reads the section "${clip(previous.text.slice(8).trim())}" and then "${clip(token.text)}"); write it as #58;`;
  else message = `"${clip(token.text)}" has no task name before it`;
  problem(token, 'mermaid-syntax', message, 'error');
}

function metaOf(comment: string): Record<string, unknown> | undefined {
  try {
    const data = JSON.parse(comment.slice(META_PREFIX.length)) as unknown;
    return typeof data === 'object' && data !== null && !Array.isArray(data) ? (data as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

function lineOf(text: string, line: number): string | undefined {
  return text.split(/\r?\n|\r/)[line - 1]?.trim();
}

function clip(text: string): string {
  return text.length > 60 ? `${text.slice(0, 59)}…` : text;
}
