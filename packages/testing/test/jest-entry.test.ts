import request from 'supertest';
import { expressApp } from './support/apps';

// This file imports the entry only inside its tests, to see what importing it does.
describe('@faultline/testing/jest', () => {
  it('adds the matchers to the global expect when imported', async () => {
    const response = await request(expressApp()).get('/datasets/abc');
    expect((expect(response) as unknown as Record<string, unknown>).toBeProblem).toBeUndefined();
    jest.isolateModules(() => {
      require('@faultline/testing/jest');
    });
    expect(response).toBeProblem(404, 'RESOURCE_NOT_FOUND');
    expect(response).toMatchProblem({ status: 404 });
  });

  it('refuses to load where there is no global expect, saying where to import it', () => {
    const jestExpect = expect;
    const holder = globalThis as { expect?: unknown };
    delete holder.expect;
    try {
      jest.isolateModules(() => {
        jestExpect(() => require('@faultline/testing/jest')).toThrow(
          "@faultline/testing/jest: there is no global expect to extend; import it where Jest's globals exist (a test file, or a setupFilesAfterEnv module), or for Vitest import @faultline/testing/vitest",
        );
      });
    } finally {
      holder.expect = jestExpect;
    }
    expect(holder.expect).toBe(jestExpect);
  });
});
