const entities: Readonly<Record<string, string>> = {
  '&amp;': '&',
  '&lt;': '<',
  '&gt;': '>',
  '&quot;': '"',
  '&#39;': "'",
};

/** The text of escaped HTML content, as a browser reads it. */
export function unescapeHtml(html: string): string {
  return html.replace(/&(amp|lt|gt|quot|#39);/g, (entity) => entities[entity] as string);
}

/** Every `id` attribute of `html`, in order. */
export function idsOf(html: string): string[] {
  return [...html.matchAll(/\sid="([^"]*)"/g)].map((match) => unescapeHtml(match[1] as string));
}

/** The tag names of `html`, lower case: what an HTML parser would build elements of. */
export function tagsOf(html: string): Set<string> {
  return new Set(
    [...html.matchAll(/<([A-Za-z][A-Za-z0-9-]*)/g)].map((m) => (m[1] as string).toLowerCase()),
  );
}
