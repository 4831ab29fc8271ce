import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  DatasetNameTakenError,
  type DatasetStore,
  decodeDatasetId,
  MysqlDatasetStore,
  PostgresDatasetStore,
  SqliteDatasetStore,
} from '@faultline-examples/datasets-domain';
import { reachableDatabases, uniqueTable } from './support/services';

interface StoreUnderTest {
  readonly name: string;
  open(): DatasetStore;
  /** The driver's own code for a unique violation, kept as the domain error's cause. */
  readonly uniqueCause: Record<string, unknown>;
}

const stores: StoreUnderTest[] = [
  {
    name: 'SQLite',
    open: () => new SqliteDatasetStore(':memory:'),
    uniqueCause: { code: 'SQLITE_CONSTRAINT_UNIQUE' },
  },
  ...reachableDatabases().map(
    (server): StoreUnderTest => ({
      name: server.name,
      open: () =>
        server.name === 'PostgreSQL'
          ? new PostgresDatasetStore(server.url, { table: uniqueTable('datasets_store') })
          : new MysqlDatasetStore(server.url, { table: uniqueTable('datasets_store') }),
      uniqueCause: server.name === 'PostgreSQL' ? { code: '23505' } : { errno: 1062 },
    }),
  ),
];

/** Drops a server store's table: each test's store has a table of its own. */
async function dropped(store: DatasetStore): Promise<void> {
  if (store instanceof PostgresDatasetStore || store instanceof MysqlDatasetStore)
    await store.drop();
}

describe.each(stores)('the $name dataset store', ({ open, uniqueCause }) => {
  let store: DatasetStore;
  beforeEach(() => {
    store = open();
  });
  afterEach(async () => {
    await dropped(store);
    await store.close();
  });

  test('stores a dataset with defaults and finds it by its id', async () => {
    const created = await store.insert('demo', { name: 'sales' });
    expect(created).toEqual({
      id: expect.any(String),
      name: 'sales',
      description: null,
      visibility: 'private',
      created_at: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
    });
    expect(await store.find(decodeDatasetId(created.id))).toEqual({
      space: 'demo',
      dataset: created,
    });
  });

  test('lists one space, oldest first', async () => {
    const first = await store.insert('demo', { name: 'a', visibility: 'public', description: 'A' });
    await store.insert('other', { name: 'b' });
    const third = await store.insert('demo', { name: 'c' });
    expect(await store.list('demo')).toEqual([first, third]);
  });

  test('refuses a second name in one space through the unique constraint', async () => {
    await store.insert('demo', { name: 'sales' });
    const thrown = await store.insert('demo', { name: 'sales' }).catch((error: unknown) => error);
    expect(thrown).toBeInstanceOf(DatasetNameTakenError);
    expect((thrown as Error).message).toBe("A dataset named 'sales' already exists in this space.");
    expect((thrown as Error).cause).toMatchObject(uniqueCause);
    expect(await store.list('demo')).toHaveLength(1);
  });

  test('tells names apart by case, as every store does', async () => {
    await store.insert('demo', { name: 'sales' });
    expect((await store.insert('demo', { name: 'Sales' })).name).toBe('Sales');
  });

  test('allows the same name in another space', async () => {
    await store.insert('demo', { name: 'sales' });
    expect((await store.insert('other', { name: 'sales' })).name).toBe('sales');
  });

  test('deletes, and says whether there was anything to delete', async () => {
    const { id } = await store.insert('demo', { name: 'gone' });
    expect(await store.delete(decodeDatasetId(id))).toBe(true);
    expect(await store.delete(decodeDatasetId(id))).toBe(false);
    expect(await store.find(decodeDatasetId(id))).toBeUndefined();
  });

  test('closes twice without complaint', async () => {
    await store.list('demo');
    await dropped(store);
    await store.close();
    await expect(store.close()).resolves.toBeUndefined();
    store = open();
  });
});

test('the SQLite store keeps datasets in a file across restarts', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'datasets-'));
  try {
    const path = join(dir, 'datasets.db');
    const first = new SqliteDatasetStore(path);
    const created = await first.insert('demo', { name: 'kept' });
    await first.close();
    const second = new SqliteDatasetStore(path);
    expect(await second.list('demo')).toEqual([created]);
    await second.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
