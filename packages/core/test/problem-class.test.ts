import { defaultRegistry, defineProblems, ProblemError } from '@faultline/core';
import { problemClassFor } from '@faultline/core/adapter';
import { createRegistry } from '../src/registry';

describe('problemClassFor', () => {
  it('answers ProblemError itself for the default registry', () => {
    expect(problemClassFor()).toBe(ProblemError);
    expect(problemClassFor(defaultRegistry)).toBe(ProblemError);
  });

  it("answers the class defineProblems() made, so the application's stack policy applies", () => {
    const problems = defineProblems({
      stackPolicy: true,
      codes: { DATASET_ARCHIVED: { status: 409, type: { slug: 'archived', title: 'Archived' } } },
    });
    const Made = problemClassFor(problems.registry);
    expect(Made).toBe(problems.ProblemError);
    const error = new Made('DATASET_ARCHIVED' as never);
    expect(error.status).toBe(409);
    expect(error.stack).toContain('problem-class.test');
  });

  it('makes one class per bare registry that resolves its codes', () => {
    const registry = createRegistry({
      codes: { LOCKED_OUT: { status: 423, type: { slug: 'locked', title: 'Locked' } } },
    });
    const Made = problemClassFor(registry);
    expect(problemClassFor(registry)).toBe(Made);
    expect(Made).not.toBe(ProblemError);
    const error = new Made('LOCKED_OUT' as never);
    expect(error).toBeInstanceOf(ProblemError);
    expect(error.status).toBe(423);
    expect(() => new ProblemError('LOCKED_OUT' as never)).toThrow(/unknown error code/);
  });
});
