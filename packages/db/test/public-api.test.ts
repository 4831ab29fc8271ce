import * as db from '@faultline/db';
import { surface } from '@faultline/test-support';

it('exposes exactly what applications use from @faultline/db', () => {
  expect(surface(db)).toMatchInlineSnapshot(`
{
  "databaseErrors": "function",
}
`);
});
