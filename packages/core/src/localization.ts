import { showValue } from './adapter-options.js';
import type { ProblemDocument } from './problem-document.js';

/*
 * Problems in the caller's language: the language negotiated from `Accept-Language` over the
 * locales the application declares, and its `localize` hook asked for `title` and `detail`.
 * `type` and `error_code` are identifiers, never translated.
 */

/** What `localize` is told of a problem. */
export interface LocalizableProblem {
  readonly status: number;
  /** The `error_code` the problem carries; none on a 5xx. */
  readonly code: string | undefined;
  readonly type: string;
  readonly title: string;
  readonly detail: string | undefined;
}

/** What `localize` may give back: the texts it translated; the others stay as they were. */
export interface LocalizedTexts {
  readonly title?: string | undefined;
  readonly detail?: string | undefined;
}

/** The `localize` option: the texts of a problem in `language`, or nothing to keep them. */
export type Localize = (
  problem: LocalizableProblem,
  language: string,
) => LocalizedTexts | undefined | null;

/** A language tag as declared: letters and digits in subtags of up to 8, joined by `-`. */
const languageTag = /^[A-Za-z]{1,8}(?:-[A-Za-z0-9]{1,8})*$/;
const qValue = /^(?:0(?:\.\d{0,3})?|1(?:\.0{0,3})?)$/;
/** The longest `Accept-Language` read; anything past it is ignored. */
const maxHeaderLength = 1024;

/** The outcome of localizing one problem. */
export interface Localized {
  readonly body: ProblemDocument;
  /** The language the texts are in: `Content-Language`. */
  readonly language: string;
  /** What `localize` threw, when it did (the texts then stay as they were). */
  readonly failure?: { readonly error: unknown };
}

export interface Localization {
  /** The declared locale the request prefers (RFC 4647 lookup), else the default. */
  negotiate(acceptLanguage: string | undefined): string;
  localize(body: ProblemDocument, language: string): Localized;
}

/**
 * Checks `locales` and `localize` once; `undefined` when neither is given. The first locale is
 * the default: the language of the catalogue's texts and the application's own details.
 */
export function resolveLocalization(
  locales: unknown,
  hook: unknown,
  where: string,
): Localization | undefined {
  if (locales === undefined && hook === undefined) return undefined;
  if (
    !Array.isArray(locales) ||
    locales.length === 0 ||
    !locales.every((locale) => typeof locale === 'string' && languageTag.test(locale))
  ) {
    throw new TypeError(
      `${where}: option locales must be a non-empty list of language tags (the first is the default), such as ['en', 'de', 'pt-BR'], got ${showValue(locales)}`,
    );
  }
  if (typeof hook !== 'function') {
    throw new TypeError(
      `${where}: option localize must be a function (problem, language) => { title?, detail? } when locales are given, got ${showValue(hook)}`,
    );
  }
  const declared = locales as readonly string[];
  const translate = hook as Localize;
  const byLowerCase = new Map(declared.map((locale) => [locale.toLowerCase(), locale]));
  const fallback = declared[0]!;

  /** RFC 4647 §3.4 lookup: the range, then shorter and shorter prefixes (`pt-BR` → `pt`). */
  function lookup(range: string): string | undefined {
    let candidate = range.toLowerCase();
    for (;;) {
      const found = byLowerCase.get(candidate);
      if (found !== undefined) return found;
      const cut = candidate.lastIndexOf('-');
      if (cut === -1) return undefined;
      candidate = candidate.slice(0, cut);
      // A single-letter subtag (an extension's singleton) goes with what follows it.
      if (candidate.length >= 2 && candidate[candidate.length - 2] === '-') {
        candidate = candidate.slice(0, -2);
      }
    }
  }

  function negotiate(header: string | undefined): string {
    if (header === undefined || header === '') return fallback;
    const ranges: { range: string; q: number; order: number }[] = [];
    header
      .slice(0, maxHeaderLength)
      .split(',')
      .forEach((item, order) => {
        const [rawRange = '', ...parameters] = item.split(';');
        const range = rawRange.trim();
        if (range === '' || (range !== '*' && !languageTag.test(range))) return;
        let q = 1;
        for (const parameter of parameters) {
          const [name = '', value = ''] = parameter.split('=').map((part) => part.trim());
          if (name.toLowerCase() === 'q') q = qValue.test(value) ? Number(value) : 0;
        }
        if (q > 0) ranges.push({ range, q, order });
      });
    ranges.sort((a, b) => b.q - a.q || a.order - b.order);
    for (const { range } of ranges) {
      if (range === '*') return fallback;
      const found = lookup(range);
      if (found !== undefined) return found;
    }
    return fallback;
  }

  function texts(body: ProblemDocument, language: string): LocalizedTexts | undefined {
    const problem: LocalizableProblem = {
      status: body.status,
      code: typeof body.error_code === 'string' ? body.error_code : undefined,
      type: body.type,
      title: body.title,
      detail: typeof body.detail === 'string' ? body.detail : undefined,
    };
    const result = translate(problem, language);
    return typeof result === 'object' && result !== null ? result : undefined;
  }

  function localize(body: ProblemDocument, language: string): Localized {
    try {
      // The negotiated language, else the default one; else the texts as they are.
      const tried = language === fallback ? [language] : [language, fallback];
      for (const candidate of tried) {
        const result = texts(body, candidate);
        if (result === undefined) continue;
        const { title, detail } = result;
        const localized: Record<string, unknown> = { ...body };
        if (typeof title === 'string' && title !== '') localized.title = title;
        if (typeof detail === 'string' && body.detail !== undefined) localized.detail = detail;
        return { body: localized as ProblemDocument, language: candidate };
      }
      return { body, language: fallback };
    } catch (error) {
      return { body, language: fallback, failure: { error } };
    }
  }

  return { negotiate, localize };
}
