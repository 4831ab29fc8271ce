import { PROBLEM_XML_CONTENT_TYPE, prefersProblemXml } from './accept.js';
import type { Localization } from './localization.js';
import type { ProblemDocument } from './problem-document.js';
import { problemXml } from './problem-xml.js';
import type { TraceIds } from './trace-id.js';

/*
 * What of a problem's answer depends on its request rather than on the error: the trace id, the
 * media type the `Accept` header prefers, the language of `Accept-Language`.
 */

/** The per-request choices of one answer. */
export interface Variant {
  readonly traceId: string | undefined;
  readonly xml: boolean;
  /** The language negotiated, when `locales` are given. */
  readonly language: string | undefined;
}

/** A problem's headers and bytes for one variant. */
export interface Rendered {
  readonly headers: Readonly<Record<string, string>>;
  readonly payload: string;
}

export interface Variants<Context> {
  /** The variant of the request on `context`; `undefined` when no request was read. */
  of(context: Context | undefined): Variant;
  render(
    body: ProblemDocument,
    headers: Readonly<Record<string, string>>,
    variant: Variant,
  ): Rendered;
}

/** What the variants are made from, each resolved from the options beforehand. */
export interface VariantSources<Context> {
  readonly traceIds: TraceIds<Context> | undefined;
  readonly xml: boolean;
  readonly localization: Localization | undefined;
  readonly headerOf: ((context: Context, name: string) => string | undefined) | undefined;
  readonly serialize: (body: ProblemDocument) => string;
}

/** `undefined` when no option makes an answer depend on its request. */
export function createVariants<Context>(
  sources: VariantSources<Context>,
): Variants<Context> | undefined {
  const { traceIds, xml, localization, headerOf, serialize } = sources;
  if (traceIds === undefined && !xml && localization === undefined) return undefined;
  /** The request headers an answer is chosen by. */
  const vary = [xml ? 'Accept' : '', localization === undefined ? '' : 'Accept-Language']
    .filter((field) => field !== '')
    .join(', ');

  function header(context: Context | undefined, name: string): string | undefined {
    if (context === undefined) return undefined;
    try {
      return headerOf?.(context, name);
    } catch {
      // A hostile request: answered as one that sent no such header.
      return undefined;
    }
  }

  return {
    of(context) {
      return {
        traceId: traceIds?.idOf(context),
        xml: xml && prefersProblemXml(header(context, 'accept')),
        language: localization?.negotiate(header(context, 'accept-language')),
      };
    },
    render(body, headers, variant) {
      const { traceId, language } = variant;
      const document =
        traceId === undefined || traceIds === undefined
          ? body
          : { ...body, [traceIds.member]: traceId };
      const negotiated: Record<string, string> = { ...headers };
      if (vary !== '') negotiated.Vary = vary;
      if (language !== undefined) negotiated['Content-Language'] = language;
      if (!variant.xml) return { headers: negotiated, payload: serialize(document) };
      negotiated['Content-Type'] = PROBLEM_XML_CONTENT_TYPE;
      return { headers: negotiated, payload: problemXml(document) };
    },
  };
}
