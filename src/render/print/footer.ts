import { basename, dirname } from 'node:path';
import { gitText } from '../../git/index.js';
import type { MapView } from '../view/types.js';

/** Width kept at the right of the footer for "page N of M". */
const PAGE_NUMBER_ROOM_MM = 26;
const FOOTER_FONT_PT = 7.5;
const FOOTER_COLOR = '#3A4656';

/** The parts of the footer line that depend on the map and on its file. */
export interface FooterFacts {
  title: string;
  state?: string;
  date?: string;
  commit?: string;
}

export function footerFacts(view: MapView, commit: string | undefined, sourceDate: Date | undefined): FooterFacts {
  const { document } = view;
  return {
    title: document.title,
    state: document.state,
    date: document.date ?? sourceDate?.toISOString().slice(0, 10),
    commit: commit ? `commit ${commit}` : undefined,
  };
}

/** Where a print's pages fall in the whole file, when a map is printed in several prints and joined. */
export interface PageNumbering {
  /** Pages printed before this print. */
  before: number;
  /** Pages of the whole file. */
  total: number;
}

/**
 * The footer, as CSS page-margin boxes of the printed page: the map's facts on the left, the page number at
 * the right. Chromium's own footer template numbers the pages of one print only; the page counter can
 * start where the prints before it ended, so a map printed in parts is numbered as one file. Which stages a
 * sheet of a split map holds, its header says. User text goes in as CSS escapes: it can close no string and
 * no style element.
 */
export function footerStyle(facts: FooterFacts, numbering?: PageNumbering): string {
  const left = [facts.title, facts.state, facts.date, facts.commit].filter(Boolean).join(' \u00b7 ');
  const font = `font-family:'Liberation Sans',Arial,Helvetica,sans-serif;font-size:${FOOTER_FONT_PT}pt;color:${FOOTER_COLOR};white-space:nowrap`;
  const total = numbering ? `"${numbering.total}"` : 'counter(pages)';
  return (
    '<style>' +
    (numbering?.before ? `html{counter-reset:page ${numbering.before}}` : '') +
    `@page{@bottom-left{content:${cssString(left)};${font};overflow:hidden;text-overflow:ellipsis;padding-right:6mm}` +
    `@bottom-right{content:"page " counter(page) " of " ${total};${font};width:${PAGE_NUMBER_ROOM_MM}mm;text-align:right}}` +
    '</style>'
  );
}

/** A CSS string of any text: every character but letters, digits and spaces written as a hex escape. */
export function cssString(text: string): string {
  let out = '"';
  for (const char of text) out += /[A-Za-z0-9 ]/.test(char) ? char : `\\${char.codePointAt(0)!.toString(16)} `;
  return `${out}"`;
}

/**
 * The short hash of the last commit that touched the map, marked when the file differs from that commit;
 * nothing when the file is not tracked in a Git repository or Git is missing. Asked once per map (the
 * build cache's key and the footer both need it), and a folder's committed files once however many of its
 * maps print, so an untracked map costs no further Git process. The file is compared with the committed
 * blob by hashing it without filters: `git status` would run the repository's clean filters.
 */
export function gitCommit(file: string): Promise<string | undefined> {
  let commit = commits.get(file);
  if (!commit) commits.set(file, (commit = askGit(file)));
  return commit;
}

async function askGit(file: string): Promise<string | undefined> {
  if (file === '-') return undefined;
  const cwd = dirname(file);
  const name = basename(file);
  let committed = committedFiles.get(cwd);
  if (!committed) {
    committed = gitText(['ls-tree', '-z', 'HEAD', '--', '.'], cwd).then((out = '') => new Map(out.split('\0').filter(Boolean).map((entry) => [entry.slice(entry.indexOf('\t') + 1), entry.split(' ')[2]?.split('\t')[0]])));
    committedFiles.set(cwd, committed);
  }
  const blob = (await committed).get(name);
  if (!blob) return undefined;
  const [hash, current] = await Promise.all([gitText(['log', '-1', '--format=%h', '--', name], cwd), gitText(['hash-object', '--no-filters', '--', name], cwd)]);
  if (!hash) return undefined;
  return current === blob ? hash : `${hash}+changes`;
}

const commits = new Map<string, Promise<string | undefined>>();
const committedFiles = new Map<string, Promise<Map<string, string | undefined>>>();
