/**
 * Installed with `reply.serializer()` so that the problem, serialised by core (`JSON.stringify`,
 * as fast here as a serializer compiled from a schema), is sent as it is: no route response
 * schema, `setReplySerializer` or preSerialization hook sees (or strips) it, and Fastify adds no
 * charset parameter to the media type.
 */
export function sendAsIs(payload: unknown): string {
  return payload as string;
}
