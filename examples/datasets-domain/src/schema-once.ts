/**
 * Runs a schema statement once it succeeds: a failure (the database is down) is forgotten, so the
 * next request tries again instead of every later request failing for good.
 */
export class SchemaOnce {
  readonly #create: () => Promise<unknown>;
  #done: Promise<void> | undefined;

  constructor(create: () => Promise<unknown>) {
    this.#create = create;
  }

  ready(): Promise<void> {
    this.#done ??= this.#create().then(
      () => undefined,
      (error: unknown) => {
        this.#done = undefined;
        throw error;
      },
    );
    return this.#done;
  }
}
