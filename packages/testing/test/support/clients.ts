import axios from 'axios';
import type { FastifyInstance } from 'fastify';
import request from 'supertest';
import { expressApp, fastifyApp, listenExpress, listenFastify } from './apps';

/** One way a test gets a response: a client of one of the apps. */
export interface Client {
  readonly name: string;
  start(): Promise<void>;
  /** The response to a request, as the client gives it (not yet read, for fetch). */
  send(method: 'GET' | 'PUT', path: string): Promise<unknown>;
  stop(): Promise<void>;
}

function supertestOnExpress(): Client {
  const app = expressApp();
  return {
    name: 'supertest on Express',
    start: async () => {},
    // superagent rejects a JSON body it cannot parse, with an error that carries the response
    // (status, headers, raw text): the matchers read that error as the response.
    send: (method, path) =>
      (method === 'GET' ? request(app).get(path) : request(app).put(path)).then(
        (response) => response,
        (error: unknown) => error,
      ),
    stop: async () => {},
  };
}

function injectOnFastify(): Client {
  let app: FastifyInstance | undefined;
  return {
    name: 'inject on Fastify',
    start: async () => {
      app = await fastifyApp();
    },
    send: async (method, url) => await app!.inject({ method, url }),
    stop: async () => {
      await app?.close();
    },
  };
}

type Listen = typeof listenExpress;

function overHttp(
  name: string,
  listen: Listen,
  get: (url: string, method: 'GET' | 'PUT') => Promise<unknown>,
): Client {
  let server: Awaited<ReturnType<Listen>> | undefined;
  return {
    name,
    start: async () => {
      server = await listen();
    },
    send: (method, path) => get(`${server!.url}${path}`, method),
    stop: async () => {
      await server?.close();
    },
  };
}

const viaFetch = (url: string, method: string) => fetch(url, { method });
// axios rejects a non-2xx response by default; these tests want the response itself.
const viaAxios = (url: string, method: string) =>
  axios.request({ url, method, validateStatus: () => true });

/** Every client, fresh: supertest, inject, and fetch and axios against both servers over HTTP. */
export function clients(): Client[] {
  return [
    supertestOnExpress(),
    injectOnFastify(),
    overHttp('fetch on Express', listenExpress, viaFetch),
    overHttp('fetch on Fastify', listenFastify, viaFetch),
    overHttp('axios on Express', listenExpress, viaAxios),
    overHttp('axios on Fastify', listenFastify, viaAxios),
  ];
}
