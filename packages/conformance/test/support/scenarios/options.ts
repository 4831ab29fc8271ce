import { defaultRegistry, defineProblems, ProblemError } from '@faultline/core';
import type { Scenario } from '../scenario';
import { getSubject, UNEXPECTED } from './requests';

const TYPE_BASE = 'https://api.example.com/problems';

function defineDatasetProblems() {
  return defineProblems({
    typeBase: TYPE_BASE,
    codes: {
      DATASET_ARCHIVED: {
        status: 409,
        type: { slug: 'dataset-archived', title: 'Dataset Archived' },
      },
    },
  });
}

let datasetProblems: ReturnType<typeof defineDatasetProblems> | undefined;

/** Defined on first use, so that a definition core refuses fails only the rows that use it. */
function problems(): ReturnType<typeof defineDatasetProblems> {
  datasetProblems ??= defineDatasetProblems();
  return datasetProblems;
}

/** A fixed stack, so that the body is the same bytes on every framework. */
const STACK = 'Error: database timed out\n    at handler (datasets.ts:12:11)';

/** The adapters' options, each given the same way to both. */
export const optionScenarios: readonly Scenario[] = [
  {
    name: 'an unknown option key is refused at start-up',
    options: () => ({ registy: defaultRegistry }),
    handler: { throws: () => new Error('unreachable') },
    request: getSubject,
    expect: { startupError: { name: 'TypeError', mentions: 'registy' } },
  },
  {
    name: 'instance: true gives the path, without the query',
    options: () => ({ instance: true }),
    handler: { throws: () => new ProblemError('RESOURCE_NOT_FOUND') },
    request: { method: 'GET', path: '/subject?page=2' },
    expect: { status: 404, errorCode: 'RESOURCE_NOT_FOUND', body: { instance: '/subject' } },
  },
  {
    name: 'exposeStack: true puts the stack of a thrown Error in the body',
    options: () => ({ exposeStack: true }),
    handler: { throws: () => Object.assign(new Error('database timed out'), { stack: STACK }) },
    request: getSubject,
    expect: { status: 500, body: { detail: UNEXPECTED, stack: STACK } },
  },
  {
    name: "a registry's code with a problem type of its own",
    options: () => ({ registry: problems().registry }),
    handler: { throws: () => new (problems().ProblemError)('DATASET_ARCHIVED') },
    request: getSubject,
    expect: {
      status: 409,
      errorCode: 'DATASET_ARCHIVED',
      body: { type: `${TYPE_BASE}#dataset-archived`, title: 'Dataset Archived' },
    },
  },
  {
    name: "a registry's type base on a catalogue code",
    options: () => ({ registry: problems().registry }),
    handler: { throws: () => new (problems().ProblemError)('RESOURCE_NOT_FOUND') },
    request: getSubject,
    expect: {
      status: 404,
      errorCode: 'RESOURCE_NOT_FOUND',
      body: { type: `${TYPE_BASE}#resource-not-found`, title: 'Not Found' },
    },
  },
  {
    name: 'an instance function that throws: the original problem, without instance',
    options: () => ({
      instance: () => {
        throw new Error('instance function failed');
      },
    }),
    handler: {
      throws: () => new ProblemError('RESOURCE_NOT_FOUND', { detail: 'No dataset ds-9.' }),
    },
    request: getSubject,
    expect: {
      status: 404,
      errorCode: 'RESOURCE_NOT_FOUND',
      body: { detail: 'No dataset ds-9.' },
      absentMembers: ['instance'],
      logs: { extraErrors: ['instance function failed'] },
    },
  },
  {
    name: 'a mapper that throws: a 500, the failure logged',
    options: () => ({
      mappers: [
        () => {
          throw new Error('mapper failed');
        },
      ],
    }),
    handler: { throws: () => new ProblemError('ACCESS_DENIED') },
    request: getSubject,
    expect: {
      status: 500,
      body: { detail: UNEXPECTED },
      absentMembers: ['error_code'],
      logs: { extraErrors: ['mapper failed'] },
    },
  },
];
