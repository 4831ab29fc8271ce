import * as api from '@faultline/express';
import { surface } from '@faultline/test-support';

it('exposes exactly its public surface', () => {
  expect(surface(api)).toMatchInlineSnapshot(`
{
  "asyncHandler": "function",
  "problemClientErrors": "function",
  "problemHandlers": "function",
  "problemJson": "function",
  "problemResponse": "function",
  "rateLimitExceeded": "function",
  "wrapAsyncRoutes": "function",
}
`);
});
