import vm from 'node:vm';

/**
 * The worker's own `process`. The `process` a test file sees is a copy made for the test
 * context: listeners added to it are never called for the worker's failures.
 */
const workerProcess = vm.runInThisContext('process') as NodeJS.Process;

export interface ProcessFailure {
  readonly event: 'uncaughtException' | 'unhandledRejection';
  readonly reason: unknown;
}

/**
 * Records every uncaught exception and unhandled rejection while the calling file's tests run.
 * Call it once at the top of a test file (it installs its own `beforeAll` / `afterAll`), then
 * assert that the list it returns is empty.
 */
export function watchProcessFailures(): readonly ProcessFailure[] {
  const failures: ProcessFailure[] = [];
  const onException = (reason: unknown) => failures.push({ event: 'uncaughtException', reason });
  const onRejection = (reason: unknown) => failures.push({ event: 'unhandledRejection', reason });
  beforeAll(() => {
    workerProcess.on('uncaughtException', onException);
    workerProcess.on('unhandledRejection', onRejection);
  });
  afterAll(() => {
    workerProcess.off('uncaughtException', onException);
    workerProcess.off('unhandledRejection', onRejection);
  });
  return failures;
}
