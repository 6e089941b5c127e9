import { escapeHtml } from '../../render/escape.js';

export { escapeHtml };

const baseCss = `
:root { color-scheme: light; --ink: #1d2433; --muted: #5b6474; --line: #d5dae3; --bad: #b42318; --warn: #b54708; --good: #067647; --accent: #1f5fbf; }
* { box-sizing: border-box; }
body { margin: 0; font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; color: var(--ink); background: #fff; }
main { max-width: 1180px; margin: 0 auto; padding: 28px 32px 48px; }
h1 { font-size: 26px; margin: 0 0 4px; } h2 { font-size: 20px; margin: 32px 0 8px; } h3 { font-size: 16px; margin: 22px 0 8px; }
.meta { color: var(--muted); margin: 0 0 16px; }
.cards { display: flex; flex-wrap: wrap; gap: 12px; margin: 16px 0; }
.card { border: 1px solid var(--line); border-radius: 8px; padding: 10px 16px; min-width: 130px; }
.card b { display: block; font-size: 24px; }
table { border-collapse: collapse; margin: 8px 0; font-size: 14px; }
th, td { border: 1px solid var(--line); padding: 5px 9px; text-align: left; vertical-align: top; }
th { background: #f4f6f9; font-weight: 600; }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
.sev-error { color: var(--bad); font-weight: 600; } .sev-warning { color: var(--warn); font-weight: 600; } .sev-info { color: var(--accent); }
.note { color: var(--muted); font-size: 13px; }
svg { max-width: 100%; height: auto; display: block; }
@media print { main { padding: 0; } h2 { break-after: avoid; } table, svg { break-inside: avoid; } }
`;

/** A complete, self-contained page: inline CSS, no scripts, no external requests. */
export function htmlPage(title: string, body: string, css = ''): string {
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>${baseCss}${css}</style>
</head>
<body>
<main>
${body}
</main>
</body>
</html>
`;
}

/** Numbers in SVG attributes: short and the same on every machine. */
export function num(n: number): string {
  return String(Math.round(n * 10) / 10);
}
