import * as openapi from '@faultline/openapi';
import { surface } from '@faultline/test-support';

it('exposes exactly what applications use from @faultline/openapi', () => {
  expect(surface(openapi)).toMatchInlineSnapshot(`
{
  "problemCatalogue": "function",
  "problemComponents": "function",
  "problemMarkdown": "function",
  "problemPage": "function",
  "problemResponses": "function",
}
`);
});
