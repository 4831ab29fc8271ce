import type { LogLevel } from './scenario';

/** One call of a log method, as made: the level, the child bindings in force, the arguments. */
export interface LogCall {
  readonly level: LogLevel;
  readonly bindings: Readonly<Record<string, unknown>>;
  readonly args: readonly unknown[];
}

type LogMethod = (...args: unknown[]) => void;

/**
 * The part of pino that Fastify 4 and 5 check for and call, and that `@faultline/express` takes
 * as its `logger`: `level`, `child()` and one method per level (`silent` logs nothing, as in pino).
 */
export interface PinoCompatibleLogger {
  level: string;
  child(bindings: Record<string, unknown>, options?: unknown): PinoCompatibleLogger;
  fatal: LogMethod;
  error: LogMethod;
  warn: LogMethod;
  info: LogMethod;
  debug: LogMethod;
  trace: LogMethod;
  silent: LogMethod;
}

/** A logger that records every call, at every level, and can be made to throw on each. */
export interface CapturingLogger {
  readonly logger: PinoCompatibleLogger;
  /** Every call since the last `clear()`, in order. */
  readonly calls: readonly LogCall[];
  clear(): void;
  /** While on, every log method throws after recording its call. */
  setThrowing(on: boolean): void;
}

const levels: readonly LogLevel[] = ['fatal', 'error', 'warn', 'info', 'debug', 'trace'];

export function capturingLogger(): CapturingLogger {
  const calls: LogCall[] = [];
  let throwing = false;

  function make(bindings: Readonly<Record<string, unknown>>): PinoCompatibleLogger {
    const at =
      (level: LogLevel): LogMethod =>
      (...args) => {
        calls.push({ level, bindings, args });
        if (throwing) throw new Error(`the logger failed at ${level}`);
      };
    return {
      // Everything is recorded: which level a line would reach is the logger's business.
      level: 'trace',
      child: (more) => make({ ...bindings, ...more }),
      fatal: at(levels[0]!),
      error: at(levels[1]!),
      warn: at(levels[2]!),
      info: at(levels[3]!),
      debug: at(levels[4]!),
      trace: at(levels[5]!),
      silent: () => {},
    };
  }

  return {
    logger: make({}),
    calls,
    clear: () => {
      calls.length = 0;
    },
    setThrowing: (on) => {
      throwing = on;
    },
  };
}
