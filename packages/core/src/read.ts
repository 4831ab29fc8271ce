/**
 * Reads a property of a value that may be anything (a thrown primitive, a Proxy, an object with
 * a throwing getter): what cannot be read reads as `undefined`.
 */
export function readProperty(value: unknown, key: PropertyKey): unknown {
  if ((typeof value !== 'object' && typeof value !== 'function') || value === null)
    return undefined;
  try {
    return (value as Record<PropertyKey, unknown>)[key];
  } catch {
    return undefined;
  }
}
