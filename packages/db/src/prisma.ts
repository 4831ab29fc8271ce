import { readProperty } from '@faultline/core/adapter';
import { type Recognised, recognised } from './failure.js';

const prismaCode = /^P\d{4}$/;
const identifier = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** `Array.isArray` throws for a revoked Proxy. */
function isArray(value: unknown): value is readonly unknown[] {
  try {
    return Array.isArray(value);
  } catch {
    return false;
  }
}

function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (!isArray(value)) return [];
  const found: string[] = [];
  for (let index = 0; index < Math.min(value.length, 32); index++) {
    const item = readProperty(value, index);
    if (typeof item === 'string') found.push(item);
  }
  return found;
}

/**
 * The columns a Prisma error names: `meta.target` (or another `meta` member) with the classic
 * engine, `meta.driverAdapterError.cause.constraint.fields` with a driver adapter (Prisma 6.x
 * and 7, where `target` is gone). A single string may be an index's name rather than a
 * column's (`target` with MySQL): like every name, it is shown only when the application allows
 * it. The adapter's `constraint.index` is never read.
 */
function columnsOf(meta: unknown, cause: unknown, member: string): string[] {
  const constraint = readProperty(cause, 'constraint');
  const adapterFields = strings(readProperty(constraint, 'fields'));
  if (adapterFields.length > 0) {
    return adapterFields.map((field) => field.replace(/^"(.*)"$/, '$1'));
  }
  const named = readProperty(meta, member);
  return isArray(named) ? strings(named) : strings(named).filter((n) => identifier.test(n));
}

/** Which way a foreign key failed: Prisma's code is the same for an insert and a delete. */
function foreignKeyFailure(
  error: object,
  cause: unknown,
): 'missing-reference' | 'still-referenced' {
  const originalCode = readProperty(cause, 'originalCode');
  const originalMessage = readProperty(cause, 'originalMessage');
  if (originalCode === '1451') return 'still-referenced';
  if (
    typeof originalMessage === 'string' &&
    originalMessage.startsWith('update or delete on table')
  ) {
    return 'still-referenced';
  }
  // The classic engine's message names the operation: "Invalid `prisma.user.delete()` invocation".
  const message = readProperty(error, 'message');
  if (typeof message === 'string' && /`prisma\.\w+\.delete(Many)?\(\)` invocation/.test(message)) {
    return 'still-referenced';
  }
  return 'missing-reference';
}

/**
 * Prisma Client's errors: a `PrismaClientKnownRequestError` (`code`) or a
 * `PrismaClientInitializationError` (`errorCode`), with or without a driver adapter.
 */
export function recognisePrisma(error: object): Recognised | undefined {
  const name = readProperty(error, 'name');
  const prismaShaped =
    (typeof name === 'string' && name.startsWith('PrismaClient')) ||
    typeof readProperty(error, 'clientVersion') === 'string';
  if (!prismaShaped) return undefined;
  const code = readProperty(error, 'code') ?? readProperty(error, 'errorCode');
  if (typeof code !== 'string' || !prismaCode.test(code)) return undefined;
  const meta = readProperty(error, 'meta');
  const cause = readProperty(readProperty(meta, 'driverAdapterError'), 'cause');
  const model = readProperty(meta, 'modelName');
  switch (code) {
    case 'P2002':
      return recognised('duplicate', columnsOf(meta, cause, 'target'), model);
    case 'P2003': {
      const failure = foreignKeyFailure(error, cause);
      const columns = failure === 'missing-reference' ? columnsOf(meta, cause, 'field_name') : [];
      return recognised(failure, columns, model);
    }
    case 'P2011':
      return recognised('required', columnsOf(meta, cause, 'constraint'), model);
    case 'P2000':
      return recognised('too-long', columnsOf(meta, cause, 'column_name'), model);
    case 'P2025':
      return recognised('not-found', [], model);
    case 'P2034':
      return recognised('contention');
    case 'P1001':
    case 'P1002':
    case 'P1008':
    case 'P1017':
    case 'P2024':
      return recognised('unavailable');
    default:
      return undefined;
  }
}
