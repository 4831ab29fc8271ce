import * as client from '@faultline/client';
import * as axios from '@faultline/client/axios';
import * as ky from '@faultline/client/ky';
import * as ofetch from '@faultline/client/ofetch';
import { surface } from '@faultline/test-support';

it('exposes exactly what applications use from each entry', () => {
  expect({
    '@faultline/client': surface(client),
    '@faultline/client/axios': surface(axios),
    '@faultline/client/ky': surface(ky),
    '@faultline/client/ofetch': surface(ofetch),
  }).toMatchInlineSnapshot(`
{
  "@faultline/client": {
    "ProblemResponseError": "function",
    "ensureOk": "function",
    "isProblemResponseError": "function",
    "readProblem": "function",
    "readText": "function",
    "withRetry": "function",
  },
  "@faultline/client/axios": {
    "problemInterceptor": "function",
  },
  "@faultline/client/ky": {
    "problemHook": "function",
    "problemOf": "function",
  },
  "@faultline/client/ofetch": {
    "problemOf": "function",
  },
}
`);
});
