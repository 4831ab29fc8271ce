import { stripVTControlCharacters } from 'node:util';

/**
 * The message of the assertion's failure, without colours. Throws if the assertion passes, so a
 * test of a failure cannot pass vacuously.
 */
export async function failureOf(assertion: () => unknown): Promise<string> {
  try {
    await assertion();
  } catch (error) {
    return stripVTControlCharacters(error instanceof Error ? error.message : String(error));
  }
  throw new Error('the assertion was expected to fail, but it passed');
}
