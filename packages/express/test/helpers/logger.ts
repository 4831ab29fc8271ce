import type { ProblemLogger, ProblemLogRecord } from '@faultline/express';

export interface LogCall {
  readonly level: 'error' | 'warn' | 'info' | 'debug';
  readonly obj: ProblemLogRecord;
  readonly msg: string;
}

/** A logger that keeps every call, for assertions. */
export function recordingLogger(): { logger: ProblemLogger; calls: LogCall[] } {
  const calls: LogCall[] = [];
  const at =
    (level: LogCall['level']) =>
    (obj: ProblemLogRecord, msg: string): void => {
      calls.push({ level, obj, msg });
    };
  return {
    calls,
    logger: { error: at('error'), warn: at('warn'), info: at('info'), debug: at('debug') },
  };
}

/** A logger that drops everything, for tests about something else. */
export const silentLogger: ProblemLogger = { error: () => {} };
