import { germanTitles } from './german.js';

type Json = unknown;

function isObject(value: Json): value is Record<string, Json> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A schema's `properties.<name>.const`, when it is a string. */
function constOf(properties: Record<string, Json>, name: string): string | undefined {
  const property = properties[name];
  return isObject(property) && typeof property.const === 'string' ? property.const : undefined;
}

function visit(value: Json): Json {
  if (Array.isArray(value)) return value.map(visit);
  if (!isObject(value)) return value;
  const copy: Record<string, Json> = {};
  for (const [key, member] of Object.entries(value)) copy[key] = visit(member);
  const { properties } = copy;
  if (!isObject(properties)) return copy;
  const title = constOf(properties, 'title');
  const type = constOf(properties, 'type');
  if (title === undefined || type === undefined) return copy;
  const slug = type.slice(type.lastIndexOf('#') + 1);
  if (!Object.hasOwn(germanTitles, slug)) return copy;
  const german = germanTitles[slug];
  copy.properties = { ...properties, title: { enum: [title, german] } };
  return copy;
}

/**
 * The OpenAPI document as the API answers: a problem type's schema fixes its `title` to the
 * catalogue's English one, and the API also answers with the German one (`Accept-Language: de`),
 * so each such `title` becomes one of the two. Returns a copy; everything else is unchanged.
 *
 * @example app.get('/openapi.json', (_req, res) => res.json(withGermanTitles(document)));
 */
export function withGermanTitles<Document>(document: Document): Document {
  return visit(document) as Document;
}
