/**
 * What can go wrong in the Datasets domain, in the domain's own words. None of these knows about
 * HTTP: `error-mapper.ts` is the one place that turns them into problems.
 */

/** No credentials, or not the Bearer scheme. */
export class AuthenticationRequiredError extends Error {
  override readonly name = 'AuthenticationRequiredError';
  constructor() {
    super('Bearer credentials are required: send Authorization: Bearer <key>.');
  }
}

/** A Bearer key that is not in the credentials table. */
export class InvalidCredentialsError extends Error {
  override readonly name = 'InvalidCredentialsError';
  constructor() {
    super('The API key is invalid, expired or revoked.');
  }
}

/** A dataset id that does not decode to `dataset-<suffix>`. */
export class InvalidDatasetIdError extends Error {
  override readonly name = 'InvalidDatasetIdError';
  constructor(readonly id: string) {
    super(
      /^[A-Za-z0-9_-]{1,64}$/.test(id)
        ? `'${id}' is not a valid dataset ID.`
        : 'The dataset ID is not valid.',
    );
  }
}

/** No dataset with this id that the caller can read: absent and foreign look the same. */
export class DatasetNotFoundError extends Error {
  override readonly name = 'DatasetNotFoundError';
  constructor(readonly id: string) {
    super(`Dataset with ID '${id}' was not found.`);
  }
}

/** The caller can read, but may not do this. */
export class PermissionDeniedError extends Error {
  override readonly name = 'PermissionDeniedError';
  constructor(readonly action: 'create' | 'delete') {
    super(
      action === 'create'
        ? 'You do not have permission to create datasets in this space.'
        : 'You do not have permission to delete this dataset.',
    );
  }
}

/** The store's UNIQUE (space, name) constraint refused a second dataset of that name. */
export class DatasetNameTakenError extends Error {
  override readonly name = 'DatasetNameTakenError';
  constructor(
    readonly datasetName: string,
    options: { cause: unknown },
  ) {
    super(`A dataset named '${datasetName}' already exists in this space.`, options);
  }
}
