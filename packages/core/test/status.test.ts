import { STATUS_CODES } from 'node:http';
import { reasonPhrase } from '../src/status';

// Node's table follows the older RFCs for these; RFC 9110 renamed them.
const renamedByRfc9110: Record<number, string> = {
  413: 'Content Too Large',
  422: 'Unprocessable Content',
};

describe('reasonPhrase', () => {
  const errorStatuses = Array.from({ length: 200 }, (_, index) => 400 + index);

  // 509 (Bandwidth Limit Exceeded) is a server's extension, not in IANA's registry.
  const registered = errorStatuses.filter(
    (status) => STATUS_CODES[status] !== undefined && status !== 509,
  );
  it.each(registered)(
    'names %i as RFC 9110 does (Node’s own table, renamed where RFC 9110 renamed it)',
    (status) => {
      const expected = renamedByRfc9110[status] ?? STATUS_CODES[status];
      expect(reasonPhrase(status).toLowerCase()).toBe(expected?.toLowerCase());
    },
  );

  it('answers the class of an unassigned status', () => {
    expect(reasonPhrase(419)).toBe('Client Error');
    expect(reasonPhrase(499)).toBe('Client Error');
    expect(reasonPhrase(509)).toBe('Server Error');
    expect(reasonPhrase(530)).toBe('Server Error');
    expect(reasonPhrase(599)).toBe('Server Error');
  });

  it('keeps the teapot as applications send it', () => {
    expect(reasonPhrase(418)).toBe("I'm a teapot");
  });
});
