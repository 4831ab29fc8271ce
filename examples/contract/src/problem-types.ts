/**
 * The problem types of the contract, by status: the stable `title`, and the `slug` of the type
 * URI `<base>#<slug>`. Written out here, not read from the library, so the library is checked.
 */
export const contractProblemTypes: Readonly<Record<number, { title: string; slug: string }>> = {
  400: { title: 'Bad Request', slug: 'invalid-request' },
  401: { title: 'Unauthorized', slug: 'authentication-required' },
  403: { title: 'Forbidden', slug: 'access-forbidden' },
  404: { title: 'Not Found', slug: 'resource-not-found' },
  405: { title: 'Method Not Allowed', slug: 'method-not-allowed' },
  409: { title: 'Conflict', slug: 'resource-conflict' },
  413: { title: 'Content Too Large', slug: 'content-too-large' },
  415: { title: 'Unsupported Media Type', slug: 'unsupported-media-type' },
  422: { title: 'Unprocessable Entity', slug: 'validation-error' },
  429: { title: 'Too Many Requests', slug: 'rate-limit-exceeded' },
  500: { title: 'Internal Server Error', slug: 'internal-server-error' },
  502: { title: 'Bad Gateway', slug: 'bad-gateway' },
  503: { title: 'Service Unavailable', slug: 'service-unavailable' },
};
