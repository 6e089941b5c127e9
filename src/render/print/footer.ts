import { basename, dirname } from 'node:path';
import { gitText } from '../../git/index.js';
import { escapeHtml } from '../escape.js';
import type { MapView } from '../view/types.js';
import { MARGIN_MM } from './paper.js';

/** Width kept at the right of the footer for "page N of M". */
export const PAGE_NUMBER_ROOM_MM = 26;
export const FOOTER_FONT_PT = 7.5;
export const FOOTER_COLOR = '#3A4656';

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

/**
 * Chromium's footer template: the map's facts on the left, the page number at the right. Which stages a
 * sheet of a split map holds, and where it continues, its header says. All text is escaped; the template
 * runs no script.
 */
export function footerTemplate(facts: FooterFacts): string {
  const left = [facts.title, facts.state, facts.date, facts.commit].filter(Boolean).map((s) => escapeHtml(s!)).join(' · ');
  return (
    `<div style="box-sizing:border-box;width:100%;padding:0 ${MARGIN_MM.right}mm 0 ${MARGIN_MM.left}mm;` +
    `display:flex;justify-content:space-between;gap:6mm;font-family:'Liberation Sans',Arial,Helvetica,sans-serif;` +
    `font-size:${FOOTER_FONT_PT}pt;color:${FOOTER_COLOR};-webkit-print-color-adjust:exact;print-color-adjust:exact">` +
    `<span style="flex:1 1 auto;white-space:nowrap;overflow:hidden;text-overflow:ellipsis">${left}</span>` +
    `<span style="flex:none;width:${PAGE_NUMBER_ROOM_MM}mm;text-align:right;white-space:nowrap">page <span class="pageNumber"></span> of <span class="totalPages"></span></span></div>`
  );
}

/** An empty header: Chromium prints the URL and date when it is left out. */
export const HEADER_TEMPLATE = '<span></span>';

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
