/**
 * A module's exports, sorted by name, each with the kind of value it is (`typeof`): held to an
 * inline snapshot, any change to a package's public surface shows up in its test.
 */
export function surface(module: object): Record<string, string> {
  return Object.fromEntries(
    Object.entries(module)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([name, value]) => [name, typeof value]),
  );
}
