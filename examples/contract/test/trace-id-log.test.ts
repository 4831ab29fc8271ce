import { TRACEPARENT, TRACEPARENT_TRACE_ID } from '@faultline-examples/contract';
import { frameworks, optionsFor } from './support/frameworks.js';

interface LogRecord {
  readonly level: number;
  readonly status?: number;
  readonly trace_id?: string;
}

describe.each(frameworks)('the $name app logs the trace id it answers with', (framework) => {
  test('a 5xx with a valid traceparent: the same trace id in the body and in the error record', async () => {
    const lines: string[] = [];
    const app = await framework.open({
      ...optionsFor(false).options,
      logLevel: 'error',
      logStream: { write: (line: string) => void lines.push(line) },
    });
    try {
      const response = await app.send({
        method: 'GET',
        path: '/v2/_demo/crash',
        headers: { authorization: 'Bearer demo-admin-key', traceparent: TRACEPARENT },
      });
      expect(response.status).toBe(500);
      expect(JSON.parse(response.text)).toMatchObject({ trace_id: TRACEPARENT_TRACE_ID });
      const errors = lines
        .map((line) => JSON.parse(line) as LogRecord)
        .filter((record) => record.level >= 50);
      expect(errors).toEqual([
        expect.objectContaining({ status: 500, trace_id: TRACEPARENT_TRACE_ID }),
      ]);
    } finally {
      await app.close();
    }
  });

  test('a 5xx without one: the fresh trace id of the body is the one logged', async () => {
    const lines: string[] = [];
    const app = await framework.open({
      ...optionsFor(false).options,
      logLevel: 'error',
      logStream: { write: (line: string) => void lines.push(line) },
    });
    try {
      const response = await app.send({
        method: 'GET',
        path: '/v2/_demo/crash',
        headers: { authorization: 'Bearer demo-admin-key' },
      });
      const { trace_id: traceId } = JSON.parse(response.text) as { trace_id?: string };
      expect(traceId).toMatch(/^[0-9a-f]{32}$/);
      expect(traceId).not.toBe(TRACEPARENT_TRACE_ID);
      const records = lines.map((line) => JSON.parse(line) as LogRecord);
      expect(records).toEqual([expect.objectContaining({ status: 500, trace_id: traceId })]);
    } finally {
      await app.close();
    }
  });
});
