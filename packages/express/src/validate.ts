/** The name every start-up error of this package begins with. */
export const where = '@faultline/express';

/** Throws on an option name the factory does not know: a typo would otherwise be ignored. */
export function assertKnownKeys(options: object, known: readonly string[], factory: string): void {
  for (const name of Object.keys(options)) {
    if (!known.includes(name)) {
      throw new TypeError(
        `${where}: ${factory} has no option ${JSON.stringify(name)}; known options are ${known.join(', ')}`,
      );
    }
  }
}
