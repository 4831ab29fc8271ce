import { problemDocumentSchema } from '@faultline/core';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';

// strictTypes off: the schema's `if` names `minimum` without `type` (it applies to the status only).
const ajv = new Ajv2020({ allErrors: true, strictTypes: false });
addFormats(ajv);
const validate = ajv.compile(problemDocumentSchema);

/**
 * Where a body breaks the problem document schema (`problemDocumentSchema`, JSON Schema
 * 2020-12); empty when it is a valid problem document.
 */
export function problemSchemaErrors(body: unknown): string[] {
  if (validate(body)) return [];
  return (validate.errors ?? []).map(
    (error) => `schema: ${error.instancePath || '(document)'} ${error.message ?? error.keyword}`,
  );
}
