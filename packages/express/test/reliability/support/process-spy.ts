import vm from 'node:vm';

/**
 * The worker's real `process`: the one a test file sees is a copy whose listeners the runtime
 * never calls, so a crash or an unhandled rejection would go unrecorded there.
 */
const realProcess = vm.runInThisContext('process') as NodeJS.Process;

export interface ProcessFailure {
  readonly event: 'uncaughtException' | 'unhandledRejection';
  readonly reason: unknown;
}

/**
 * Records every `uncaughtException` and `unhandledRejection` of the process while a test file
 * runs; call it at the top of a `describe` (it installs its own beforeAll/afterAll).
 */
export function spyOnProcessFailures(): { readonly failures: ProcessFailure[] } {
  const failures: ProcessFailure[] = [];
  const onException = (reason: unknown) => failures.push({ event: 'uncaughtException', reason });
  const onRejection = (reason: unknown) => failures.push({ event: 'unhandledRejection', reason });
  beforeAll(() => {
    realProcess.on('uncaughtException', onException);
    realProcess.on('unhandledRejection', onRejection);
  });
  afterAll(() => {
    realProcess.off('uncaughtException', onException);
    realProcess.off('unhandledRejection', onRejection);
  });
  return { failures };
}
