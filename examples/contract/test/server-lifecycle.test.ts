import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { frameworks } from './support/frameworks.js';

const admin = { authorization: 'Bearer demo-admin-key' };

describe.each(frameworks)('the $name server', (framework) => {
  test('listens on a free port when asked for port 0, and stops listening when closed', async () => {
    const server = await framework.listen({ logLevel: 'silent' });
    const response = await server.send({ method: 'GET', path: '/v2/datasets', headers: admin });
    expect(response.status).toBe(200);
    expect(JSON.parse(response.text)).toEqual({ data: [] });
    await server.close();
    await expect(
      server.send({ method: 'GET', path: '/v2/datasets', headers: admin }),
    ).rejects.toThrow();
  });

  test('keeps datasets in DATABASE_PATH across a restart', async () => {
    const dir = mkdtempSync(join(tmpdir(), `${framework.name}-datasets-`));
    const databasePath = join(dir, 'datasets.db');
    try {
      const first = await framework.listen({ databasePath, logLevel: 'silent' });
      const created = await first.send({
        method: 'POST',
        path: '/v2/datasets',
        headers: { ...admin, 'content-type': 'application/json' },
        body: Buffer.from('{"name":"survives"}'),
      });
      expect(created.status).toBe(201);
      await first.close();

      const second = await framework.listen({ databasePath, logLevel: 'silent' });
      try {
        const listed = await second.send({ method: 'GET', path: '/v2/datasets', headers: admin });
        expect(JSON.parse(listed.text)).toEqual({ data: [JSON.parse(created.text)] });
      } finally {
        await second.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
