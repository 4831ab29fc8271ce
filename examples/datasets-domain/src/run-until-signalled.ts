import { type DatasetsConfig, readConfig } from './config.js';
import { startupBanner } from './startup-banner.js';

/** What each example's `startServer` gives back. */
export interface Listening {
  /** `http://HOST:PORT`, with the port really bound. */
  readonly url: string;
  close(): Promise<void>;
}

/** `http://HOST:PORT`, with an IPv6 host in brackets. */
export function urlOf(host: string, port: number): string {
  return `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
}

/**
 * What `main.ts` of each example does: reads the configuration from the environment, listens,
 * prints the banner (its first line `listening on http://HOST:PORT`), and on SIGINT or SIGTERM
 * closes the server and the database before exiting.
 */
export async function runUntilSignalled(
  framework: string,
  defaultPort: number,
  start: (config: DatasetsConfig) => Promise<Listening>,
): Promise<void> {
  const running = await start(readConfig(process.env, { port: defaultPort }));
  for (const line of startupBanner(framework, running.url)) console.log(line);

  let stopping = false;
  const stop = (signal: NodeJS.Signals): void => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal}: closing the server and the database`);
    running.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}
