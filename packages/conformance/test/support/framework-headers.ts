/**
 * Response headers that are the framework's or the connection's, not the adapter's: they are
 * left out when answers are compared, each for the reason given. Nothing else is.
 */
export const FRAMEWORK_HEADERS: Readonly<Record<string, string>> = {
  date: 'the time the answer was sent',
  connection: "the connection's life, decided by Node and the framework's server",
  'keep-alive': "the connection's life, decided by Node and the framework's server",
  'x-powered-by': 'Express names itself on every response; Fastify does not',
};
