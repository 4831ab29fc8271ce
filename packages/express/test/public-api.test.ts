import * as api from '@faultline/express';

it('exposes exactly its public surface', () => {
  expect(
    Object.fromEntries(
      Object.entries(api)
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([name, value]) => [name, typeof value]),
    ),
  ).toMatchInlineSnapshot(`
{
  "asyncHandler": "function",
  "problemClientErrors": "function",
  "problemHandlers": "function",
  "problemJson": "function",
  "rateLimitExceeded": "function",
  "wrapAsyncRoutes": "function",
}
`);
});
