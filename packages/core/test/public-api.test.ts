import * as core from '@faultline/core';
import * as adapter from '@faultline/core/adapter';
import { surface } from '@faultline/test-support';

it('exposes exactly what applications use from @faultline/core', () => {
  expect(surface(core)).toMatchInlineSnapshot(`
{
  "PROBLEM_CONTENT_TYPE": "string",
  "ProblemError": "function",
  "REDACTED": "string",
  "createNormaliser": "function",
  "defaultCatalogue": "object",
  "defaultRegistry": "object",
  "defaultSensitiveFields": "object",
  "defineProblems": "function",
  "isProblemError": "function",
  "normalise": "function",
  "pinoRedactPaths": "function",
  "problemDocumentSchema": "object",
  "validationProblem": "function",
}
`);
});

it('exposes exactly what adapters use from @faultline/core/adapter', () => {
  expect(surface(adapter)).toMatchInlineSnapshot(`
{
  "JSON_MEDIA_TYPES": "object",
  "MAX_VALIDATION_ERRORS": "number",
  "UNEXPECTED_ERROR_DETAIL": "string",
  "allowHeader": "function",
  "applyProblemHeaders": "function",
  "assertKnownOptions": "function",
  "bodyLengthMismatch": "function",
  "bodyTooLarge": "function",
  "clientWentAway": "function",
  "commonOptionNames": "object",
  "createProblemFlow": "function",
  "declaresUtf8": "function",
  "describeJsonParseError": "function",
  "findJsonSyntaxError": "function",
  "forbiddenJsonProperty": "function",
  "invalidRequestPart": "function",
  "invalidUtf8Json": "function",
  "isErrorStatus": "function",
  "logLevels": "object",
  "malformedJson": "function",
  "malformedUrl": "function",
  "methodNotAllowed": "function",
  "parserRejection": "function",
  "problemClassFor": "function",
  "rateLimitBanned": "function",
  "rateLimited": "function",
  "rawHttpResponse": "function",
  "readProperty": "function",
  "reasonPhrase": "function",
  "requestTargetInstance": "function",
  "requestTargetPath": "function",
  "retrySeconds": "function",
  "routeNotFound": "function",
  "showValue": "function",
  "unsupportedCharset": "function",
  "unsupportedMediaType": "function",
  "withResponseChallenge": "function",
  "writeLog": "function",
  "wwwAuthenticate": "function",
}
`);
});

it('shares no name between the two entries', () => {
  expect(Object.keys(core).filter((name) => name in adapter)).toEqual([]);
});
