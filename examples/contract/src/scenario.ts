import type { DefaultErrorCode } from '@faultline/core';
import type { Expected } from './matchers.js';

/** The keys of the Datasets API's credentials table. */
export type ContractKey = 'demo-admin-key' | 'demo-reader-key' | 'other-space-key';

/** What a scenario needs to exist before its request: datasets created through the API. */
export interface Setup {
  readonly key: ContractKey;
  readonly name: string;
}

/** What the setup produced: the ids of the datasets it created, in order. */
export interface SetupResult {
  readonly ids: readonly string[];
}

/** A request in the contract's terms. */
export interface ScenarioRequest {
  readonly method: string;
  readonly path: string;
  /** Sends `Authorization: Bearer <key>`. */
  readonly key?: ContractKey;
  /** Further headers, such as a raw `Authorization`. */
  readonly headers?: Readonly<Record<string, string>>;
  /** A JSON body, serialised, with `Content-Type: application/json` unless `contentType` is given. */
  readonly json?: unknown;
  /** A body sent as these exact bytes (UTF-8). */
  readonly body?: string;
  /** The Content-Type of the body; `null` sends the body without one. */
  readonly contentType?: string | null;
}

/** Whether the response carries the IETF rate-limit headers. */
export type RateLimitHeaders = 'counted' | 'none';

/** What the answer must be. */
export interface Expectation {
  /** The status, or the statuses the contract leaves open (both apps must still agree). */
  readonly status: number | readonly number[];
  /** A problem response: status, title and type follow from the status. */
  readonly problem?: {
    /** `undefined` for a 5xx, which has none. */
    readonly code?: DefaultErrorCode | Expected;
    /** The title when not the contract's English one for the status (a translation). */
    readonly title?: Expected;
    /** Exact text, a matcher, or omitted when the contract leaves it open (then optional). */
    readonly detail?: Expected;
    /** The `errors` extension member. */
    readonly errors?: Expected;
    /** When the type is not one of the contract's (431 from Node's parser): title and type as matched. */
    readonly open?: boolean;
    /** The `trace_id` member; by default any valid trace id (every problem carries one). */
    readonly traceId?: Expected;
  };
  /**
   * The problem in its XML form (`application/problem+xml`, RFC 9457 Appendix B): a `problem`
   * root in the namespace `urn:ietf:rfc:7807`, read back and checked like the JSON form.
   */
  readonly xml?: true;
  /** A JSON success body. */
  readonly body?: Expected;
  /** A body that is not JSON (an HTML page), matched as text. */
  readonly text?: Expected;
  /** No body at all (204, HEAD). */
  readonly empty?: true;
  /** The exact Content-Type; defaults follow from the kind of answer. `null`: none. */
  readonly contentType?: string | null;
  /** Headers to check, by lower-case name; `absent` for headers that must not be sent. */
  readonly headers?: Readonly<Record<string, Expected>>;
  readonly rateLimit: RateLimitHeaders;
  /** The body must not contain this text anywhere (a secret from the server). */
  readonly secret?: string;
}

/** One row of the contract. */
export interface Scenario {
  /** A short unique name, used in test titles and to name a failing row. */
  readonly name: string;
  /** The situation, in the contract's words. */
  readonly situation: string;
  readonly setup?: readonly Setup[];
  /** The request, or raw bytes for what Node's HTTP parser must refuse. */
  readonly request:
    | ScenarioRequest
    | ((setup: SetupResult, context: ContractContext) => ScenarioRequest)
    | { readonly raw: string };
  /** Repeat the request until the limit is reached: the answer checked is the first refusal. */
  readonly untilRateLimited?: true;
  /**
   * `status`: the apps must agree on the status and Content-Type only, because the body is each
   * framework's own library's (the interactive API reference). Default: the whole answer.
   */
  readonly alike?: 'status';
  readonly expect: Expectation;
}

/** What varies between a test's app and the demo's server. */
export interface ContractContext {
  /** RATE_LIMIT_MAX of the app under test. */
  readonly rateLimitMax: number;
  /** RATE_LIMIT_WINDOW_S of the app under test. */
  readonly rateLimitWindowS: number;
  /** PROBLEM_TYPE_BASE of the app under test. */
  readonly typeBase: string;
}
