import type { AxiosResponse } from 'axios';
import type { ApiDescription, RegisteredApi } from './api.js';
import { type Problem, type ProblemSource, problemFromBody, statusProblem } from './problem.js';
import { ProblemResponseError } from './problem-response-error.js';

/** The thrown form of a failed axios request: the problem and the `AxiosResponse`. */
export type AxiosProblemError<Api extends ApiDescription = RegisteredApi> = ProblemResponseError<
  Api,
  AxiosResponse
>;

function headerReader(headers: AxiosResponse['headers']): ProblemSource['header'] {
  return (name) => {
    const value =
      typeof headers.get === 'function'
        ? headers.get(name)
        : (headers as Record<string, unknown>)[name];
    return typeof value === 'string' ? value : undefined;
  };
}

/** The body as axios left it: parsed JSON, text, or bytes. */
function bodyOf(data: unknown): unknown {
  if (data instanceof ArrayBuffer || ArrayBuffer.isView(data)) {
    return new TextDecoder().decode(data as Uint8Array);
  }
  return data;
}

/**
 * An axios response interceptor for failures: a failed request with a response rejects with a
 * `ProblemResponseError` (its `response` the `AxiosResponse`, its `cause` axios's error); any
 * other failure (no response: a network error, a cancel) rejects unchanged.
 *
 * @example
 * const api = axios.create({ baseURL });
 * api.interceptors.response.use(undefined, problemInterceptor);
 * try { await api.get('/v2/datasets/42'); }
 * catch (error) { if (isProblemResponseError<typeof problems, AxiosResponse>(error)) ... }
 */
export function problemInterceptor(error: unknown): Promise<never> {
  const response = (error as { response?: AxiosResponse } | null)?.response;
  if (typeof response !== 'object' || response === null) return Promise.reject(error);
  const source: ProblemSource = {
    status: response.status,
    statusText: response.statusText,
    header: headerReader(response.headers),
  };
  const problem = problemFromBody(bodyOf(response.data), source) ?? statusProblem(source);
  return Promise.reject(
    new ProblemResponseError<RegisteredApi, AxiosResponse>(problem as Problem, response, {
      cause: error,
    }),
  );
}
