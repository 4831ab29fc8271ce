import type { Observation } from './observe';

/** The aspects of an observation that must be the same on every adapter. */
export type Comparable = Readonly<Record<string, unknown>>;

/** Status, headers, body bytes and log records; or that start-up failed (and with what class). */
export function comparable(observation: Observation): Comparable {
  switch (observation.kind) {
    case 'answer':
      return {
        status: observation.status,
        headers: observation.headers,
        body: observation.body,
        logs: observation.logs,
      };
    case 'startup-error':
      // The message names the adapter's package by design: only the class is compared.
      return { startupError: observation.name };
    case 'no-answer':
      return { noAnswer: observation.error };
  }
}

/**
 * Aspect by aspect, the value most adapters agree on, so that an adapter is told exactly where it
 * departs from the others. When no value has a majority, the group of the adapter listed first
 * wins the tie. An aspect most adapters lack is left out.
 */
export function consensus(views: readonly Comparable[]): Comparable {
  const aspects = new Set(views.flatMap((view) => Object.keys(view)));
  const agreed: Record<string, unknown> = {};
  for (const aspect of aspects) {
    const groups = new Map<string, { value: unknown; count: number }>();
    for (const view of views) {
      const value = view[aspect];
      const key = JSON.stringify(value) ?? 'undefined';
      const group = groups.get(key) ?? { value, count: 0 };
      group.count += 1;
      groups.set(key, group);
    }
    let best: { value: unknown; count: number } | undefined;
    for (const group of groups.values())
      if (best === undefined || group.count > best.count) best = group;
    if (best?.value !== undefined) agreed[aspect] = best.value;
  }
  return agreed;
}
