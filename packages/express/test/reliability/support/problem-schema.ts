import { problemDocumentSchema } from '@faultline/core';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';

const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats(ajv);

/** The core's JSON Schema of a problem document, compiled once. */
export const isValidProblem = ajv.compile(problemDocumentSchema);

/** Throws with ajv's findings unless `body` is a valid problem document. */
export function assertValidProblem(body: unknown): void {
  if (!isValidProblem(body)) {
    throw new Error(
      `not a valid problem document: ${JSON.stringify(isValidProblem.errors)}\n${JSON.stringify(body)}`,
    );
  }
}
