import { demoKeys } from './credentials.js';

/**
 * What a server prints once it listens: the `listening on` line (its own line, which scripts
 * read), then the keys to try.
 *
 * @example startupBanner('Express', 'http://127.0.0.1:3000')[0] // 'listening on http://127.0.0.1:3000'
 */
export function startupBanner(framework: string, url: string): string[] {
  return [
    `listening on ${url}`,
    `${framework} Datasets API. Keys (Authorization: Bearer <key>):`,
    ...Object.entries(demoKeys).map(
      ([key, entry]) => `  ${key.padEnd(16)} space ${entry.space}, may ${entry.may.join(', ')}`,
    ),
  ];
}
