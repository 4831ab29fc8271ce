import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  DatasetNameTakenError,
  DatasetStore,
  decodeDatasetId,
} from '@faultline-examples/datasets-domain';

describe('the SQLite dataset store', () => {
  let store: DatasetStore;
  beforeEach(() => {
    store = new DatasetStore(':memory:');
  });
  afterEach(() => store.close());

  test('stores a dataset with defaults and finds it by its id', () => {
    const created = store.insert('demo', { name: 'sales' });
    expect(created).toEqual({
      id: expect.any(String),
      name: 'sales',
      description: null,
      visibility: 'private',
      created_at: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
    });
    expect(store.find(decodeDatasetId(created.id))).toEqual({ space: 'demo', dataset: created });
  });

  test('lists one space, oldest first', () => {
    const first = store.insert('demo', { name: 'a', visibility: 'public', description: 'A' });
    store.insert('other', { name: 'b' });
    const third = store.insert('demo', { name: 'c' });
    expect(store.list('demo')).toEqual([first, third]);
  });

  test('refuses a second name in one space through the UNIQUE constraint', () => {
    store.insert('demo', { name: 'sales' });
    let thrown: unknown;
    try {
      store.insert('demo', { name: 'sales' });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(DatasetNameTakenError);
    expect((thrown as Error).message).toBe("A dataset named 'sales' already exists in this space.");
    expect(((thrown as Error).cause as { code?: string }).code).toBe('SQLITE_CONSTRAINT_UNIQUE');
    expect(store.list('demo')).toHaveLength(1);
  });

  test('allows the same name in another space', () => {
    store.insert('demo', { name: 'sales' });
    expect(store.insert('other', { name: 'sales' }).name).toBe('sales');
  });

  test('deletes, and says whether there was anything to delete', () => {
    const { id } = store.insert('demo', { name: 'gone' });
    expect(store.delete(decodeDatasetId(id))).toBe(true);
    expect(store.delete(decodeDatasetId(id))).toBe(false);
    expect(store.find(decodeDatasetId(id))).toBeUndefined();
  });

  test('keeps datasets in a file across restarts', () => {
    const dir = mkdtempSync(join(tmpdir(), 'datasets-'));
    try {
      const path = join(dir, 'datasets.db');
      const first = new DatasetStore(path);
      const created = first.insert('demo', { name: 'kept' });
      first.close();
      const second = new DatasetStore(path);
      expect(second.list('demo')).toEqual([created]);
      second.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
