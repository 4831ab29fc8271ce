import { createHash } from 'node:crypto';

/**
 * The page's only style sheet, inline: readable from a phone to a wide screen, light or dark as
 * the reader's system prefers. Long lines scroll inside their table or code block, never the page.
 */
export const pageStyle = `
:root { color-scheme: light dark; --text: #1f2328; --muted: #59636e; --bg: #ffffff; --panel: #f6f8fa; --line: #d1d9e0; --link: #0969da; }
@media (prefers-color-scheme: dark) {
  :root { --text: #e6edf3; --muted: #9198a1; --bg: #0d1117; --panel: #151b23; --line: #3d444d; --link: #4493f8; }
}
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; text-size-adjust: 100%; }
body { margin: 0; background: var(--bg); color: var(--text); font: 16px/1.55 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
main { max-width: 52rem; margin: 0 auto; padding: 1rem; overflow-wrap: anywhere; }
h1 { font-size: 1.8rem; margin: 0.5rem 0 1rem; }
h2 { font-size: 1.4rem; margin-top: 2.5rem; border-bottom: 1px solid var(--line); padding-bottom: 0.3rem; }
h3 { font-size: 1.15rem; margin: 0; }
a { color: var(--link); }
code, pre { font: 0.9em/1.45 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; }
pre { background: var(--panel); border: 1px solid var(--line); border-radius: 6px; padding: 0.75rem; overflow-x: auto; overflow-wrap: normal; }
.type { border: 1px solid var(--line); border-radius: 8px; padding: 1rem; margin: 1.25rem 0; }
.type:target { border-color: var(--link); box-shadow: 0 0 0 2px var(--link); }
.muted { color: var(--muted); }
.scroll { overflow-x: auto; }
table { border-collapse: collapse; width: 100%; }
th, td { border: 1px solid var(--line); padding: 0.4rem 0.6rem; text-align: left; vertical-align: top; }
th { background: var(--panel); }
tr:target { background: var(--panel); outline: 2px solid var(--link); }
td code { overflow-wrap: normal; white-space: nowrap; }
@media (max-width: 36rem) {
  body { font-size: 15px; }
  main { padding: 0.75rem; }
  th, td { padding: 0.3rem 0.4rem; }
  td code { white-space: normal; overflow-wrap: anywhere; }
}
`;

/** The `style-src` source that allows `pageStyle` and nothing else: its SHA-256, base64. */
export const pageStyleSource = `'sha256-${createHash('sha256').update(pageStyle, 'utf8').digest('base64')}'`;

/**
 * The Content-Security-Policy the page works under: it loads nothing, runs nothing and may not
 * be framed; its one inline style is allowed by hash.
 */
export const pageContentSecurityPolicy = `default-src 'none'; style-src ${pageStyleSource}; base-uri 'none'; form-action 'none'; frame-ancestors 'none'`;
