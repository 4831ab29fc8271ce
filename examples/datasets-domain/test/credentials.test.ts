import {
  AuthenticationRequiredError,
  authenticate,
  InvalidCredentialsError,
} from '@faultline-examples/datasets-domain';

describe('authenticate', () => {
  test('names the caller, its space and permissions', () => {
    const admin = authenticate('Bearer demo-admin-key');
    expect(admin.credential).toBe('demo-admin');
    expect(admin.space).toBe('demo');
    expect([...admin.permissions].sort()).toEqual(['create', 'delete', 'read']);
    expect([...authenticate('Bearer demo-reader-key').permissions]).toEqual(['read']);
    expect(authenticate('Bearer other-space-key').space).toBe('other');
  });

  test('accepts the scheme in any case', () => {
    expect(authenticate('bearer demo-admin-key').space).toBe('demo');
  });

  test.each([
    ['no header', undefined],
    ['an empty header', ''],
    ['another scheme', 'Basic ZGVtbzpkZW1v'],
    ['the scheme alone', 'Bearer'],
    ['two tokens', 'Bearer demo-admin-key extra'],
  ])('asks for credentials with %s', (_what, header) => {
    expect(() => authenticate(header)).toThrow(AuthenticationRequiredError);
  });

  test('refuses a key that is not in the table', () => {
    expect(() => authenticate('Bearer demo-admin-key2')).toThrow(InvalidCredentialsError);
  });
});
