import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Registry } from '@faultline/core';

function isRegistry(value: unknown): value is Registry {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as Partial<Record<keyof Registry, unknown>>;
  return (
    Array.isArray(candidate.codes) &&
    Array.isArray(candidate.types) &&
    typeof candidate.has === 'function' &&
    typeof candidate.byCode === 'function' &&
    typeof candidate.byStatus === 'function'
  );
}

/** The registry a module value holds: a registry itself, or an object (a `defineProblems` result) with one. */
function registryIn(value: unknown): Registry | undefined {
  if (isRegistry(value)) return value;
  if (typeof value !== 'object' || value === null) return undefined;
  const registry = (value as { registry?: unknown }).registry;
  return isRegistry(registry) ? registry : undefined;
}

/**
 * Imports an application's registry module (a path, from the working directory) and finds its
 * registry: the default export, else a `problems` export, else a `registry` export; each may be a
 * `defineProblems()` result or the registry itself.
 */
export async function loadRegistry(modulePath: string): Promise<Registry> {
  const url = pathToFileURL(resolve(modulePath)).href;
  const namespace = (await import(url)) as Record<string, unknown>;
  const registry =
    registryIn(namespace.default) ?? registryIn(namespace.problems) ?? registryIn(namespace);
  if (registry === undefined) {
    throw new Error(
      `${modulePath} exports no registry: export the result of defineProblems() as the default export or as "problems", or export its registry as "registry"`,
    );
  }
  return registry;
}
