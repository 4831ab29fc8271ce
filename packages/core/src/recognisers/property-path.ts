/** One key of a dotted path: a plain name, an index in brackets, or a quoted name in brackets. */
const key = /([^.[\]]+)|\[(\d+)\]|\["((?:[^"\\]|\\.)*)"\]|\['((?:[^'\\]|\\.)*)'\]/g;

/**
 * A property path as express-validator and yup write it (`items[0].name`, `["a.b"]`, `o.x y`)
 * as its keys. At most 64 keys are read.
 */
export function propertyPath(path: string): (string | number)[] {
  const keys: (string | number)[] = [];
  for (const match of path.matchAll(key)) {
    if (keys.length === 64) break;
    const [, name, index, doubleQuoted, singleQuoted] = match;
    if (index !== undefined) keys.push(Number(index));
    else {
      const quoted = doubleQuoted ?? singleQuoted;
      keys.push(quoted === undefined ? (name ?? '') : quoted.replace(/\\(.)/g, '$1'));
    }
  }
  return keys;
}
