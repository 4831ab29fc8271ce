import { XMLParser } from 'fast-xml-parser';

/*
 * Reads an `application/problem+xml` document back into the JSON form of the problem, by the
 * rules of RFC 9457 Appendix B: an element of `i` elements is an array, an element of other
 * elements an object, a number or boolean in text is that value.
 */
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

/** The root element's name, its namespace, and its content as JSON. */
export function readProblemXml(text: string): {
  root: string | undefined;
  namespace: unknown;
  problem: unknown;
} {
  const document = parser.parse(text) as Record<string, unknown>;
  const [root, content] = Object.entries(document)[0] ?? [];
  const namespace =
    typeof content === 'object' && content !== null
      ? (content as Record<string, unknown>)['@_xmlns']
      : undefined;
  return { root, namespace, problem: jsonOf(content) };
}
