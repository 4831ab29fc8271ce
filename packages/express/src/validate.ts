/** The name every start-up error of this package begins with. */
export const where = '@faultline/express';
