import * as core from '@faultline/core';

it('exposes exactly its public surface', () => {
  expect(Object.keys(core).sort()).toEqual([
    'PROBLEM_CONTENT_TYPE',
    'ProblemError',
    'UNEXPECTED_ERROR_DETAIL',
    'allowHeader',
    'bodyTooLarge',
    'createNormaliser',
    'declaresUtf8',
    'defaultCatalogue',
    'defaultRegistry',
    'defineProblems',
    'describeJsonParseError',
    'findJsonSyntaxError',
    'isErrorStatus',
    'isProblemError',
    'malformedJson',
    'malformedUrl',
    'methodNotAllowed',
    'normalise',
    'parserRejection',
    'problemDocumentSchema',
    'rawHttpResponse',
    'reasonPhrase',
    'routeNotFound',
    'unsupportedCharset',
    'unsupportedMediaType',
    'validationProblem',
    'wwwAuthenticate',
  ]);
});
