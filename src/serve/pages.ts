import { createHash } from 'node:crypto';
import { plural } from '../words.js';

/** The server's own URL space, out of the way of any map or file name (dot segments are never served). */
export const EVENTS_PATH = '/.journeymap/events';
/** Where the diff of a current/future pair is served: `/.journeymap/diff/<journey>.html`. */
export const DIFF_PATH = '/.journeymap/diff/';

/**
 * The live-reload client: reloads the page when the server says its map (or everything, `*`) changed.
 * The index and the diff pages reload on any change. Only served pages carry it; built files stay script-free.
 */
const LIVE_RELOAD = `(()=>{const s=new EventSource(${JSON.stringify(EVENTS_PATH)});s.onmessage=(e)=>{if(e.data==='*'||e.data===location.pathname||location.pathname==='/'||location.pathname.startsWith(${JSON.stringify(DIFF_PATH)}))location.reload()}})();`;
const LIVE_RELOAD_HASH = `'sha256-${createHash('sha256').update(LIVE_RELOAD).digest('base64')}'`;

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * Adds the live-reload script to a page, before `</body>` (or at the end). A page whose meta
 * Content-Security-Policy forbids inline scripts gets this one script, and its event stream, allowed by hash.
 */
export function injectLiveReload(html: string): string {
  const script = `<script>${LIVE_RELOAD}</script>`;
  const withPolicy = html.replace(/(<meta\s+http-equiv=["']?content-security-policy["']?\s+content=")([^"]*)(")/i, (_, open: string, policy: string, close: string) => {
    const directives = policy.split(';').map((d) => d.trim()).filter((d) => d && !/^(script-src|connect-src)\b/i.test(d));
    // A page's own scripts (the site index's register) stay allowed beside the reload script.
    const own = /(?:^|;)\s*script-src\s+([^;]*)/i.exec(policy)?.[1].split(/\s+/).filter((s) => s && s !== "'none'") ?? [];
    return `${open}${[...directives, `script-src ${[...own, LIVE_RELOAD_HASH].join(' ')}`, "connect-src 'self'"].join('; ')}${close}`;
  });
  const at = withPolicy.lastIndexOf('</body>');
  return at < 0 ? `${withPolicy}${script}` : `${withPolicy.slice(0, at)}${script}${withPolicy.slice(at)}`;
}

export interface IndexEntry {
  file: string;
  url: string;
  title?: string;
  errors: number;
  warnings: number;
}

const STYLE = `body{font:15px/1.5 system-ui,sans-serif;color:#17202B;background:#F4F6F8;margin:0;padding:32px}
main{max-width:960px;margin:0 auto;background:#fff;border:1px solid #D5DBE2;padding:24px 32px}
h1{font-size:24px;margin:0 0 16px}table{border-collapse:collapse;width:100%}th,td{text-align:left;padding:8px;border-bottom:1px solid #E9EDF1}
th{font-size:12px;text-transform:uppercase;letter-spacing:.05em;color:#667385}a{color:#17202B}.bad{color:#B42318;font-weight:600}.warn{color:#3A4656}
pre{background:#17202B;color:#F4F6F8;padding:16px;overflow:auto;font-size:13px;line-height:1.45}small{color:#667385}`;

function page(title: string, body: string): string {
  return `<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${escapeHtml(title)}</title><style>${STYLE}</style></head><body><main>${body}</main></body></html>\n`;
}

/** The list of the served maps, with their state. */
export function indexPage(entries: IndexEntry[], problem?: string): string {
  const rows = entries
    .map((e) => {
      const state = e.errors ? `<span class="bad">\u2716 ${plural(e.errors, 'error')}</span>` : e.warnings ? `<span class="warn">\u26a0 ${plural(e.warnings, 'warning')}</span>` : '\u2714 valid';
      return `<tr><td><a href="${escapeHtml(e.url)}">${escapeHtml(e.title ?? e.file)}</a></td><td><small>${escapeHtml(e.file)}</small></td><td>${state}</td><td><a href="${escapeHtml(e.url.replace(/\.html$/, '.svg'))}">svg</a></td></tr>`;
    })
    .join('');
  const table = entries.length ? `<table><thead><tr><th>Map</th><th>File</th><th>State</th><th></th></tr></thead><tbody>${rows}</tbody></table>` : '<p>No maps found.</p>';
  return page('journeymap preview', `<h1>Journey maps</h1>${problem ? `<pre>${escapeHtml(problem)}</pre>` : ''}${table}<p><small>The pages reload when a map or template is saved.</small></p>`);
}

/** What a map that does not validate shows instead of the map: its findings, as `validate` prints them. */
export function errorPage(file: string, report: string): string {
  return page(`${file}: errors`, `<h1>${escapeHtml(file)} does not validate</h1><p>Fix the problems below and save: this page reloads by itself.</p><pre>${escapeHtml(report)}</pre><p><a href="/">All maps</a></p>`);
}

/** A bare page for 4xx answers. */
export function statusPage(status: number, message: string): string {
  return page(`${status}`, `<h1>${status}</h1><p>${escapeHtml(message)}</p><p><a href="/">All maps</a></p>`);
}
