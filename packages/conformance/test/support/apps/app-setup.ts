import type { PinoCompatibleLogger } from '../capture-logger';
import type { Scenario, ScenarioOptions } from '../scenario';

/**
 * The routes every app serves, on every framework:
 * - `GET /subject`: the scenario's hook, then its handler (sets headers, throws); `200 {"ok":true}`
 *   when the scenario has no handler;
 * - `GET /items`: `200 []`;
 * - `POST /items`: `201`, the JSON body echoed.
 */
export const SUBJECT_PATH = '/subject';
export const ITEMS_PATH = '/items';

/** What a builder needs to make the app of one scenario. */
export interface AppSetup {
  readonly scenario: Scenario;
  /** The scenario's faultline options, built once for this app. */
  readonly options: ScenarioOptions;
  /** Given to the adapter: `logger` option on Express, the Fastify logger on Fastify. */
  readonly logger: PinoCompatibleLogger;
  /** Every value the hook and handler threw, so log records can name it by identity. */
  readonly thrown: unknown[];
}

/** An app listening on 127.0.0.1. */
export interface RunningApp {
  readonly port: number;
  /** Resolves once the server has closed, every connection included. */
  close(): Promise<void>;
}

/** Makes the value, records it as thrown, and throws it. */
export function throwFrom(source: { readonly throws: () => unknown }, thrown: unknown[]): never {
  const value = source.throws();
  thrown.push(value);
  throw value;
}
