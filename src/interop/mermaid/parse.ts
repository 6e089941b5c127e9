import { emotionOf, META_PREFIX } from './syntax.js';

/** A problem with one line of a Mermaid file. Lines are 1-based. */
export interface MermaidProblem {
  line: number;
  severity: 'error' | 'warning';
  ruleId: 'mermaid-not-journey' | 'mermaid-unknown-line' | 'mermaid-bad-score' | 'mermaid-bad-comment';
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

/** What a Mermaid `journey` diagram says, line by line, before it becomes a map. */
export interface ParsedJourney {
  title?: string;
  description?: string;
  header?: Record<string, unknown>;
  sections: ParsedSection[];
  /** Plain comments before `journey`. */
  leading: string[];
  /** Plain comments after the last task. */
  trailing: string[];
  problems: MermaidProblem[];
}

const directive = /^%%\{.*\}%%\s*$/;

/**
 * Reads a Mermaid journey diagram. Plain `%%` comments are kept to be written as YAML comments beside the
 * next section or task; `%% journeymap:` comments carry data for the next section or task (or, before
 * the first section, for the map). Unknown lines are reported and skipped.
 */
export function parseMermaidJourney(text: string): ParsedJourney {
  const out: ParsedJourney = { sections: [], leading: [], trailing: [], problems: [] };
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  let started = false;
  let comments: string[] = [];
  let pendingMeta: Record<string, unknown> | undefined;
  let inAccDescr = false;
  const problem = (line: number, ruleId: MermaidProblem['ruleId'], message: string, severity: MermaidProblem['severity'] = 'warning') => out.problems.push({ line, severity, ruleId, message });
  let current: ParsedSection | undefined;
  const section = (line: number): ParsedSection => {
    // Tasks before any section go into one that stands for the whole journey.
    if (!current) {
      current = { line, name: 'Journey', comments: [], tasks: [] };
      out.sections.push(current);
    }
    return current;
  };

  let failed = false;
  lines.forEach((raw, index) => {
    const n = index + 1;
    if (failed) return;
    const line = raw.trim();
    if (inAccDescr) {
      if (line.startsWith('}')) inAccDescr = false;
      else out.description = out.description ? `${out.description} ${line}` : line;
      return;
    }
    if (!line || directive.test(line)) return;
    if (line.startsWith('%%')) {
      const body = line.slice(2).trim();
      if (!body.startsWith(META_PREFIX)) {
        if (body) (started ? comments : out.leading).push(body);
        return;
      }
      try {
        const data = JSON.parse(body.slice(META_PREFIX.length)) as unknown;
        if (typeof data !== 'object' || data === null || Array.isArray(data)) throw new Error('not an object');
        if (!started) out.header = data as Record<string, unknown>;
        else if ('stage' in data && current && current.meta === undefined && current.tasks.length === 0) current.meta = data as Record<string, unknown>;
        else pendingMeta = data as Record<string, unknown>;
      } catch {
        problem(n, 'mermaid-bad-comment', `the ${META_PREFIX} comment is not a JSON object; ignored`);
      }
      return;
    }
    if (!started) {
      if (line === 'journey') {
        started = true;
        return;
      }
      problem(n, 'mermaid-not-journey', `expected \`journey\` to start a Mermaid journey diagram, found "${clip(line)}"`, 'error');
      failed = true;
      return;
    }
    let m: RegExpExecArray | null;
    if ((m = /^title\s+(.+)$/.exec(line))) {
      out.title = m[1].trim();
    } else if ((m = /^accTitle\s*:\s*(.*)$/.exec(line))) {
      // An accessible title adds nothing a map's title does not say.
    } else if ((m = /^accDescr\s*:\s*(.*)$/.exec(line))) {
      out.description = m[1].trim();
    } else if (/^accDescr\s*\{/.test(line)) {
      inAccDescr = !line.includes('}');
      const inline = line.replace(/^accDescr\s*\{/, '').replace(/\}\s*$/, '').trim();
      if (inline) out.description = inline;
    } else if ((m = /^section\s+(.+)$/.exec(line))) {
      current = { line: n, name: m[1].trim(), comments, tasks: [] };
      comments = [];
      out.sections.push(current);
      if (pendingMeta && 'stage' in pendingMeta) current.meta = pendingMeta;
      pendingMeta = undefined;
    } else if ((m = /^([^:#;]+?)\s*:\s*([^:]*?)\s*(?::\s*(.*))?$/.exec(line))) {
      const task: ParsedTask = { line: n, name: m[1].trim(), actors: (m[3] ?? '').split(',').map((a) => a.trim()).filter(Boolean), comments, meta: pendingMeta };
      comments = [];
      pendingMeta = undefined;
      const score = Number(m[2]);
      if (m[2] === '' || !Number.isFinite(score)) problem(n, 'mermaid-bad-score', `task "${clip(task.name)}" has no numeric score ("${clip(m[2])}"); imported without an emotion`);
      else {
        if (score < 1 || score > 5) problem(n, 'mermaid-bad-score', `score ${m[2]} is outside 1..5; imported as emotion ${emotionOf(score)}`);
        task.emotion = emotionOf(score);
      }
      section(n).tasks.push(task);
    } else {
      problem(n, 'mermaid-unknown-line', `not a title, section or task line: "${clip(line)}"; skipped`);
    }
  });
  out.trailing = comments;
  if (!started && !failed) problem(1, 'mermaid-not-journey', 'the file is empty: a Mermaid journey diagram starts with `journey`', 'error');
  return out;
}

function clip(text: string): string {
  return text.length > 60 ? `${text.slice(0, 59)}…` : text;
}
