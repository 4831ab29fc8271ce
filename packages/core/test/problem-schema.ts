import { problemDocumentSchema } from '@faultline/core';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';

const ajv = new Ajv2020({ strict: false });
addFormats(ajv);

/** The core's JSON Schema of a problem document, compiled once for every test that checks bodies. */
export const isValidProblem = ajv.compile(problemDocumentSchema);
