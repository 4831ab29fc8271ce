/*
 * Which media type of a problem the client prefers, by the q-values of its `Accept` header
 * (RFC 9110 §12.5.1). JSON is the answer to anything that does not prefer XML outright: a
 * problem is never refused with a 406.
 */

export const PROBLEM_XML_CONTENT_TYPE = 'application/problem+xml';

/** How closely a media range names a type: the most specific range that matches decides. */
interface Match {
  readonly specificity: number;
  readonly q: number;
}

/** `application/problem+json` and `application/json`, or the same for XML. */
interface Candidate {
  readonly exact: string;
  /** The structured syntax suffix's own type (RFC 6838 §4.2.8): a generic client asks for it. */
  readonly generic: string;
}

const json: Candidate = { exact: 'application/problem+json', generic: 'application/json' };
const xml: Candidate = { exact: PROBLEM_XML_CONTENT_TYPE, generic: 'application/xml' };

const qValue = /^(?:0(?:\.\d{0,3})?|1(?:\.0{0,3})?)$/;

/** The q-value a media range's parameters give, 1 when none; `undefined` when malformed. */
function qOf(parameters: readonly string[]): number | undefined {
  for (const parameter of parameters) {
    const equals = parameter.indexOf('=');
    if (equals === -1 || parameter.slice(0, equals).trim().toLowerCase() !== 'q') continue;
    const value = parameter.slice(equals + 1).trim();
    return qValue.test(value) ? Number(value) : undefined;
  }
  return 1;
}

function specificity(range: string, candidate: Candidate): number {
  if (range === candidate.exact) return 4;
  if (range === candidate.generic) return 3;
  if (range === 'application/*') return 2;
  if (range === '*/*') return 1;
  return 0;
}

function better(current: Match | undefined, next: Match): Match {
  return current === undefined || next.specificity > current.specificity ? next : current;
}

/** The longest `Accept` read; anything past it is ignored. */
const maxAcceptLength = 4096;

/**
 * Whether the request prefers `application/problem+xml` to `application/problem+json`: its q is
 * higher, by the most specific range naming each (`application/problem+xml`, then
 * `application/xml`, `application/*`, `*\/*`). A tie, a malformed header or none is JSON.
 */
export function prefersProblemXml(accept: string | undefined): boolean {
  if (accept === undefined || accept === '') return false;
  let forJson: Match | undefined;
  let forXml: Match | undefined;
  for (const item of accept.slice(0, maxAcceptLength).split(',')) {
    const [rawRange = '', ...parameters] = item.split(';');
    const range = rawRange.trim().toLowerCase();
    if (range === '') continue;
    const q = qOf(parameters);
    if (q === undefined) continue;
    const toJson = specificity(range, json);
    if (toJson > 0) forJson = better(forJson, { specificity: toJson, q });
    const toXml = specificity(range, xml);
    if (toXml > 0) forXml = better(forXml, { specificity: toXml, q });
  }
  return (forXml?.q ?? 0) > (forJson?.q ?? 0);
}
