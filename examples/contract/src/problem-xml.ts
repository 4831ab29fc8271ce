import { XMLParser } from 'fast-xml-parser';

/** The namespace of an `application/problem+xml` document (RFC 9457 Appendix B). */
export const PROBLEM_XML_NAMESPACE = 'urn:ietf:rfc:7807';

const parser = new XMLParser({
  ignoreAttributes: false,
  ignoreDeclaration: true,
  parseTagValue: true,
  trimValues: false,
  isArray: (name) => name === 'i',
});

function jsonOf(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(jsonOf);
  if (typeof value !== 'object' || value === null) return value;
  const entries = Object.entries(value).filter(([name]) => !name.startsWith('@_'));
  if (entries.length === 1 && entries[0]?.[0] === 'i') return jsonOf(entries[0][1]);
  return Object.fromEntries(entries.map(([name, member]) => [name, jsonOf(member)]));
}

/**
 * Reads an `application/problem+xml` body back into the JSON form of the problem, by the rules
 * of RFC 9457 Appendix B: an element of `i` elements is an array, an element of other elements an
 * object, a number in text that number. Returns the root element's name and namespace too.
 *
 * @example readProblemXml(text).problem // { status: 404, title: 'Not Found', ... }
 */
export function readProblemXml(text: string): {
  readonly root: string | undefined;
  readonly namespace: unknown;
  readonly problem: unknown;
} {
  const document = parser.parse(text) as Record<string, unknown>;
  const [root, content] = Object.entries(document)[0] ?? [];
  const namespace =
    typeof content === 'object' && content !== null
      ? (content as Record<string, unknown>)['@_xmlns']
      : undefined;
  return { root, namespace, problem: jsonOf(content) };
}
