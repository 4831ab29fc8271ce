import { type Localize, ProblemError } from '@faultline/core';
import { createProblemFlow } from '@faultline/core/adapter';
import { resolveLocalization } from '../src/localization';

const where = '@faultline/test';
const german: Record<string, string> = { RESOURCE_NOT_FOUND: 'Nicht gefunden' };
const localize: Localize = (problem, language) =>
  language === 'de' && problem.code !== undefined && problem.code in german
    ? { title: german[problem.code], detail: 'Die Ressource gibt es nicht.' }
    : undefined;

describe('negotiating the language (Accept-Language over the declared locales)', () => {
  const localization = resolveLocalization(['en', 'de', 'pt'], localize, where);
  it.each([
    [undefined, 'en'],
    ['', 'en'],
    ['de', 'de'],
    ['de-CH', 'de'],
    ['DE-ch', 'de'],
    ['pt-BR', 'pt'],
    ['fr', 'en'],
    ['fr, de;q=0.5', 'de'],
    ['de;q=0.5, pt;q=0.8', 'pt'],
    ['de;q=0, pt;q=0', 'en'],
    ['*', 'en'],
    ['fr, *;q=0.1', 'en'],
    ['zh-Hant-x-private, pt', 'pt'],
    ['de;q=nonsense, pt;q=0.1', 'pt'],
    ['!!!, de', 'de'],
  ])('%j gets %s', (header, language) => {
    expect(localization?.negotiate(header)).toBe(language);
  });
});

describe('the locales and localize options', () => {
  function flowWith(options: Record<string, unknown>) {
    return createProblemFlow<Record<string, string>, Record<string, string>>(options, {
      where,
      describe: () => ({ method: 'GET', target: '/x' }),
      requestOf: (req) => req,
      headerOf: (req, name) => req[name],
    });
  }
  const body = (payload: string) => JSON.parse(payload) as Record<string, unknown>;

  it('translates title and detail, never type or error_code, and says which language', () => {
    const flow = flowWith({
      locales: ['en', 'de'],
      localize: (problem: unknown, language: string) => ({
        ...(localize(problem as never, language) ?? {}),
        type: 'urn:changed',
        error_code: 'CHANGED',
      }),
    });
    const { answer } = flow.answer(new ProblemError('RESOURCE_NOT_FOUND', { detail: 'Gone.' }), {
      'accept-language': 'de-CH',
    });
    expect(body(answer.payload)).toEqual({
      status: 404,
      title: 'Nicht gefunden',
      type: 'about:blank',
      detail: 'Die Ressource gibt es nicht.',
      error_code: 'RESOURCE_NOT_FOUND',
    });
    expect(answer.headers).toMatchObject({
      'Content-Language': 'de',
      Vary: 'Accept-Language',
    });
  });

  it('answers in the default language when there is no translation', () => {
    const flow = flowWith({ locales: ['en', 'de'], localize });
    const { answer } = flow.answer(new ProblemError('ACCESS_DENIED'), { 'accept-language': 'de' });
    expect(body(answer.payload).title).toBe('Forbidden');
    expect(answer.headers['Content-Language']).toBe('en');
  });

  it('keeps the texts and logs the failure when localize throws', () => {
    const failure = new Error('catalogue missing');
    const flow = flowWith({
      locales: ['en', 'de'],
      localize: () => {
        throw failure;
      },
    });
    const { answer, logs } = flow.answer(new ProblemError('ACCESS_DENIED'), {
      'accept-language': 'de',
    });
    expect(body(answer.payload).title).toBe('Forbidden');
    expect(answer.headers['Content-Language']).toBe('en');
    expect(logs.map((entry) => [entry.level, entry.record.err])).toContainEqual(['error', failure]);
  });

  it('joins Vary: Accept when XML is on too', () => {
    const flow = flowWith({ locales: ['en'], localize, xml: true });
    expect(flow.answer('x', {}).answer.headers.Vary).toBe('Accept, Accept-Language');
  });

  it.each([
    [{ locales: ['en'] }, 'option localize must be a function'],
    [{ localize }, 'option locales must be a non-empty list'],
    [{ locales: [], localize }, 'option locales must be a non-empty list'],
    [{ locales: ['en_US'], localize }, 'option locales must be a non-empty list'],
    [{ locales: 'en', localize }, 'option locales must be a non-empty list'],
  ])('refuses %j at start-up', (options, message) => {
    expect(() => flowWith(options)).toThrow(message);
  });
});
