import * as testing from '@faultline/testing';

describe('the public surface of @faultline/testing', () => {
  it('exports exactly these values', () => {
    expect(Object.keys(testing).sort()).toEqual([
      'PROBLEM_MEDIA_TYPE',
      'configure',
      'isProblemMediaType',
      'problemMatchers',
    ]);
  });
});
