import type { ProblemDocument } from './problem-document.js';

/*
 * A problem document as `application/problem+xml`, as RFC 9457 Appendix B writes it: a `problem`
 * root in the namespace `urn:ietf:rfc:7807`, one element per member, an array as `i` elements, an
 * object as nested elements.
 */

/** An XML 1.0 name of the kind RFC 9457 §3.2 recommends for members: no colon, no dot. */
const elementName = /^[A-Za-z_][A-Za-z0-9_-]*$/;

/**
 * Characters XML 1.0 cannot carry at all (controls other than tab, LF and CR; lone surrogates;
 * U+FFFE and U+FFFF) become U+FFFD; the rest is escaped.
 */
function text(value: string): string {
  return value
    .replace(
      // biome-ignore lint/suspicious/noControlCharactersInRegex: the characters XML 1.0 forbids.
      /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g,
      '\uFFFD',
    )
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');
}

/** How deep nested objects and arrays are written; deeper values are left out. */
const maxDepth = 16;

/** The JSON form of a value, as `JSON.stringify` would write it (`toJSON` honoured). */
function jsonValue(value: unknown, key: string): unknown {
  if (typeof value === 'object' && value !== null) {
    const toJSON = (value as { toJSON?: unknown }).toJSON;
    if (typeof toJSON === 'function') return toJSON.call(value, key);
  }
  return value;
}

function element(name: string, value: unknown, depth: number): string {
  const resolved = jsonValue(value, name);
  const content = contentOf(resolved, depth);
  if (content === undefined) return '';
  return content === '' ? `<${name}/>` : `<${name}>${content}</${name}>`;
}

/** The content of an element holding `value`; `undefined` when JSON would leave it out. */
function contentOf(value: unknown, depth: number): string | undefined {
  switch (typeof value) {
    case 'string':
      return text(value);
    case 'number':
      return Number.isFinite(value) ? String(value) : '';
    case 'boolean':
      return String(value);
    case 'object': {
      if (value === null) return '';
      if (depth >= maxDepth) return undefined;
      if (Array.isArray(value)) {
        return value.map((item) => element('i', item ?? null, depth + 1) || '<i/>').join('');
      }
      let content = '';
      for (const name of Object.keys(value)) {
        if (elementName.test(name)) {
          content += element(name, (value as Record<string, unknown>)[name], depth + 1);
        }
      }
      return content;
    }
    default:
      return undefined;
  }
}

/**
 * Serialises a problem document as XML. A member whose name is not an XML name is left out;
 * `null` and non-finite numbers are empty elements.
 */
export function problemXml(body: ProblemDocument): string {
  let members = '';
  for (const name of Object.keys(body)) {
    if (elementName.test(name)) members += element(name, body[name], 1);
  }
  return `<?xml version="1.0" encoding="UTF-8"?><problem xmlns="urn:ietf:rfc:7807">${members}</problem>`;
}
