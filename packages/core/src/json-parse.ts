/** Where a JSON text first breaks the grammar of RFC 8259, and what is found there. */
export interface JsonSyntaxError {
  /** Offset of the offending character (UTF-16 code units), or the text's length at its end. */
  readonly position: number;
  /** The offending character, or `undefined` when the text ended too soon. */
  readonly token: string | undefined;
}

/** What the scanner expects next. */
const Expect = {
  Value: 0,
  /** Right after `[`: a value or `]`. */
  ValueOrEnd: 1,
  /** After a member's `,`: a key. */
  Key: 2,
  /** Right after `{`: a key or `}`. */
  KeyOrEnd: 3,
  Colon: 4,
  /** After a value inside an object, an array, or at the top. */
  AfterValue: 5,
} as const;
type Expect = (typeof Expect)[keyof typeof Expect];

const whitespace = new Set([' ', '\t', '\n', '\r']);
const literals = ['true', 'false', 'null'] as const;
const number = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const hexDigit = /^[0-9a-fA-F]$/;
const escapable = new Set(['"', '\\', '/', 'b', 'f', 'n', 'r', 't']);

/**
 * Finds the first syntax error in `text`, or returns `undefined` when it is valid JSON. Iterative,
 * so nesting depth cannot overflow the stack; linear in the text's length.
 */
export function findJsonSyntaxError(text: string): JsonSyntaxError | undefined {
  // Containers still open: true for an object, false for an array.
  const open: boolean[] = [];
  let expect: Expect = Expect.Value;
  let i = 0;
  const at = (position: number): JsonSyntaxError => ({ position, token: text[position] });

  while (true) {
    while (i < text.length && whitespace.has(text[i]!)) i++;
    if (i >= text.length) {
      return expect === Expect.AfterValue && open.length === 0 ? undefined : at(i);
    }
    const char = text[i]!;
    const inObject = open[open.length - 1];

    if (expect === Expect.Colon) {
      if (char !== ':') return at(i);
      i++;
      expect = Expect.Value;
      continue;
    }

    if (expect === Expect.AfterValue) {
      if (open.length === 0) return at(i);
      if (char === ',') {
        i++;
        expect = inObject ? Expect.Key : Expect.Value;
        continue;
      }
      if (char === (inObject ? '}' : ']')) {
        open.pop();
        i++;
        continue;
      }
      return at(i);
    }

    if (
      (expect === Expect.KeyOrEnd && char === '}') ||
      (expect === Expect.ValueOrEnd && char === ']')
    ) {
      open.pop();
      i++;
      expect = Expect.AfterValue;
      continue;
    }

    if (expect === Expect.Key || expect === Expect.KeyOrEnd) {
      if (char !== '"') return at(i);
      const end = scanString(text, i);
      if (typeof end !== 'number') return end;
      i = end;
      expect = Expect.Colon;
      continue;
    }

    // Expect.Value or Expect.ValueOrEnd
    if (char === '{') {
      open.push(true);
      i++;
      expect = Expect.KeyOrEnd;
      continue;
    }
    if (char === '[') {
      open.push(false);
      i++;
      expect = Expect.ValueOrEnd;
      continue;
    }
    if (char === '"') {
      const end = scanString(text, i);
      if (typeof end !== 'number') return end;
      i = end;
    } else if (char === '-' || (char >= '0' && char <= '9')) {
      number.lastIndex = i;
      const match = number.exec(text);
      if (match === null || match[0] === '-') return at(char === '-' ? i + 1 : i);
      i += match[0].length;
    } else {
      const literal = literals.find((word) => word[0] === char);
      if (literal === undefined) return at(i);
      for (let k = 1; k < literal.length; k++) {
        if (text[i + k] !== literal[k]) return at(i + k);
      }
      i += literal.length;
    }
    expect = Expect.AfterValue;
  }
}

/**
 * Scans the string starting at `start` (a `"`); returns the offset after it, or the error. A plain
 * loop: a regular expression would overflow V8's stack on strings of millions of characters.
 */
function scanString(text: string, start: number): number | JsonSyntaxError {
  let i = start + 1;
  while (i < text.length) {
    const char = text[i]!;
    if (char === '"') return i + 1;
    if (char === '\\') {
      const escaped = text[i + 1];
      if (escaped === 'u') {
        for (let k = 2; k < 6; k++) {
          if (!hexDigit.test(text[i + k] ?? '')) return { position: i, token: char };
        }
        i += 6;
        continue;
      }
      if (escaped === undefined || !escapable.has(escaped)) return { position: i, token: char };
      i += 2;
      continue;
    }
    if (char.charCodeAt(0) < 0x20) return { position: i, token: char };
    i++;
  }
  return { position: i, token: undefined };
}

function describeToken(token: string): string {
  const code = token.charCodeAt(0);
  if (code >= 0x20 && code < 0x7f && token !== "'") return `'${token}'`;
  return `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
}

/**
 * Describes why a request body is not valid JSON, for a problem's `detail`: the position and at
 * most one character of the body, so nothing the client sent is echoed back.
 *
 * @example describeJsonParseError('{"a": }') // "JSON parse error: unexpected token '}' at position 6."
 */
export function describeJsonParseError(text: string): string {
  const error = findJsonSyntaxError(text);
  if (error === undefined) return 'JSON parse error: the body is not valid JSON.';
  if (error.token === undefined)
    return `JSON parse error: unexpected end of input at position ${error.position}.`;
  return `JSON parse error: unexpected token ${describeToken(error.token)} at position ${error.position}.`;
}
