import { resolveScope } from '../src/scope';

const where = '@faultline/test';

describe('the scope option', () => {
  it('covers a prefix and the paths under it, not a longer name', () => {
    const scope = resolveScope<unknown>('/api', where);
    expect(scope?.('/api', {})).toBe(true);
    expect(scope?.('/api/items/7', {})).toBe(true);
    expect(scope?.('/apis', {})).toBe(false);
    expect(scope?.('/', {})).toBe(false);
    expect(scope?.('/v2/api', {})).toBe(false);
  });

  it('takes a list, a trailing slash, and `/` for everything', () => {
    const list = resolveScope<unknown>(['/v2/', '/api'], where);
    expect([list?.('/v2/x', {}), list?.('/v2', {}), list?.('/api', {}), list?.('/v3', {})]).toEqual(
      [true, true, true, false],
    );
    expect(resolveScope<unknown>('/', where)?.('/anything', {})).toBe(true);
  });

  it('asks a function about the request; one that throws counts it in', () => {
    const scope = resolveScope<{ api: boolean }>((request: { api: boolean }) => request.api, where);
    expect(scope?.('/x', { api: true })).toBe(true);
    expect(scope?.('/x', { api: false })).toBe(false);
    const throwing = resolveScope<unknown>(() => {
      throw new Error('broken');
    }, where);
    expect(throwing?.('/x', {})).toBe(true);
  });

  it('is off when not given', () => {
    expect(resolveScope(undefined, where)).toBeUndefined();
  });

  it.each([['api'], [''], [[]], [['/api', 7]], ['/api?x=1'], [42], [{ prefix: '/api' }]])(
    'refuses %j at start-up',
    (option) => {
      expect(() => resolveScope(option, where)).toThrow(
        "@faultline/test: option scope must be a path prefix such as '/api'",
      );
    },
  );
});
