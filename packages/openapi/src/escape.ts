const htmlEntities: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Text made safe for HTML element content and quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => htmlEntities[char] as string);
}

/**
 * Text made inert in CommonMark (and GitHub's tables and strikethrough), on one line: characters
 * that open emphasis, code, links, raw HTML, entities or cells are escaped, and so is what would
 * start a heading, list or quote at the start of the line. Line breaks become spaces, since a
 * table cell or a heading holds one line.
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[\\`*_[\]<>|~]/g, '\\$&')
    .replace(/&/g, '&amp;')
    .replace(/^([#+=-])/, '\\$1')
    .replace(/^(\d+)([.)])/, '$1\\$2');
}

/** A fenced code block whose fence no run of backticks in `content` can close early. */
export function codeFence(content: string, language: string): string {
  const longest = Math.max(2, ...(content.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  return `${fence}${language}\n${content}\n${fence}`;
}

/** A URI made safe for a Markdown link destination: what could end or break it is percent-encoded. */
export function markdownUrl(uri: string): string {
  return uri.replace(/[\s()<>\\"'`[\]]/g, (char) => {
    const encoded = encodeURIComponent(char);
    return encoded === char ? `%${char.charCodeAt(0).toString(16).toUpperCase()}` : encoded;
  });
}

/** Whether `uri` is an http(s) URL, the only kind the page and OpenAPI link to. */
export function isWebUrl(uri: string): boolean {
  return /^https?:\/\/[^\s]+$/i.test(uri);
}
