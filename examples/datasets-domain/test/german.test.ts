import { defaultCatalogue, type LocalizableProblem } from '@faultline/core';
import {
  bodyLengthMismatch,
  bodyTooLarge,
  invalidRequestPart,
  invalidUtf8Json,
  malformedJson,
  malformedUrl,
  methodNotAllowed,
  rateLimitBanned,
  rateLimited,
  routeNotFound,
  unsupportedCharset,
  unsupportedMediaType,
} from '@faultline/core/adapter';
import {
  AuthenticationRequiredError,
  DatasetNameTakenError,
  DatasetNotFoundError,
  germanDetail,
  germanTitles,
  InvalidCredentialsError,
  InvalidDatasetIdError,
  localizeDatasets,
  PermissionDeniedError,
} from '@faultline-examples/datasets-domain';

const base = 'https://api.example.com/docs/errors';

function problem(slug: string, detail?: string): LocalizableProblem {
  return {
    status: 404,
    code: 'RESOURCE_NOT_FOUND',
    type: `${base}#${slug}`,
    title: 'Not Found',
    detail,
  };
}

describe('the Datasets API in German', () => {
  test('every problem type of the default catalogue has a German title', () => {
    const slugs = Object.values(defaultCatalogue.types).map((type) => type.slug);
    expect(slugs.filter((slug) => germanTitles[slug] === undefined)).toEqual([]);
    for (const slug of slugs) expect(germanTitles[slug]).not.toBe('');
  });

  // Each English text comes from where the API writes it, so a change of wording shows here.
  test.each([
    [
      new DatasetNotFoundError('ZGF0YXNldC10ZXN0').message,
      "Datensatz mit der ID 'ZGF0YXNldC10ZXN0' wurde nicht gefunden.",
    ],
    [new InvalidDatasetIdError('not-an-id').message, "'not-an-id' ist keine gültige Datensatz-ID."],
    [new InvalidDatasetIdError('%%%').message, 'Die Datensatz-ID ist ungültig.'],
    [
      new DatasetNameTakenError('sales', { cause: undefined }).message,
      "Ein Datensatz namens 'sales' existiert in diesem Bereich bereits.",
    ],
    [
      new PermissionDeniedError('create').message,
      'Sie dürfen in diesem Bereich keine Datensätze anlegen.',
    ],
    [new PermissionDeniedError('delete').message, 'Sie dürfen diesen Datensatz nicht löschen.'],
    [
      new AuthenticationRequiredError().message,
      'Bearer-Zugangsdaten sind erforderlich: Senden Sie Authorization: Bearer <key>.',
    ],
    [
      new InvalidCredentialsError().message,
      'Der API-Schlüssel ist ungültig, abgelaufen oder widerrufen.',
    ],
    [routeNotFound().detail, 'Unter dieser URL gibt es keine Ressource.'],
    [
      methodNotAllowed('PUT', ['GET']).detail,
      'Die Methode PUT ist für diese Ressource nicht erlaubt.',
    ],
    [
      unsupportedMediaType(['application/json', 'application/*+json'], 'POST').detail,
      'Content-Type muss application/json sein',
    ],
    [
      rateLimited(5).detail,
      'Sie haben die erlaubte Anzahl von Anfragen überschritten. Bitte versuchen Sie es später erneut.',
    ],
    [
      rateLimitBanned().detail,
      'Dieser Client hat zu viele Anfragen gestellt und ist vorerst gesperrt.',
    ],
    [bodyTooLarge(1024).detail, 'Der Anfragekörper ist größer als die Grenze von 1024 Bytes.'],
    [bodyTooLarge().detail, 'Der Anfragekörper ist größer, als dieser Server annimmt.'],
    [unsupportedCharset().detail, 'JSON-Anfragekörper müssen in UTF-8 kodiert sein.'],
    [bodyLengthMismatch().detail, 'Der Anfragekörper passt nicht zu seiner Content-Length.'],
    [invalidUtf8Json().detail, 'JSON-Fehler: Der Anfragekörper ist kein gültiges UTF-8.'],
    [malformedJson(undefined).detail, 'JSON-Fehler: Der Anfragekörper ist kein gültiges JSON.'],
    [malformedUrl().detail, 'Die URL der Anfrage ist nicht korrekt prozentkodiert.'],
    [malformedJson('').detail, 'JSON-Fehler: Der Anfragekörper ist leer.'],
    [invalidRequestPart('params').detail, 'Der Pfad ist ungültig.'],
    [invalidRequestPart('body').detail, 'Der Anfragekörper ist ungültig.'],
  ])('%s', (english, german) => {
    expect(germanDetail(String(english))).toBe(german);
  });

  test.each([
    ["The 'name' field is required.", "Das Feld 'name' ist erforderlich."],
    ["The 'name' field must be of type string.", "Das Feld 'name' muss vom Typ string sein."],
    ["The 'name' field must not be empty.", "Das Feld 'name' darf nicht leer sein."],
    [
      "The 'name' field must be at most 100 characters long.",
      "Das Feld 'name' darf höchstens 100 Zeichen lang sein.",
    ],
    [
      "The 'visibility' field must be one of 'private', 'public'.",
      "Das Feld 'visibility' muss einer dieser Werte sein: 'private', 'public'.",
    ],
    ['The request body must be of type object.', 'Der Anfragekörper muss vom Typ object sein.'],
    ["The 'page' parameter must be >= 1.", "Der Parameter 'page' muss >= 1 sein."],
  ])('the validation detail %s', (english, german) => {
    expect(germanDetail(english)).toBe(german);
  });

  test('a detail with no template is not translated', () => {
    expect(germanDetail("JSON parse error: unexpected token '}' at position 9.")).toBeUndefined();
    expect(germanDetail("The 'name' field must be 'x'.")).toBeUndefined();
  });

  test('localize: German title and detail for de, nothing for another language', () => {
    const notFound = problem('resource-not-found', new DatasetNotFoundError('abc').message);
    expect(localizeDatasets(notFound, 'de')).toEqual({
      title: 'Nicht gefunden',
      detail: "Datensatz mit der ID 'abc' wurde nicht gefunden.",
    });
    expect(localizeDatasets(notFound, 'en')).toBeUndefined();
  });

  test('localize: a detail with no template keeps its English text under the German title', () => {
    expect(localizeDatasets(problem('resource-not-found', 'Something else.'), 'de')).toEqual({
      title: 'Nicht gefunden',
      detail: undefined,
    });
  });

  test('localize: a problem it knows nothing of stays English', () => {
    expect(
      localizeDatasets(problem('header-fields-too-large', 'Something else.'), 'de'),
    ).toBeUndefined();
    expect(localizeDatasets(problem('__proto__'), 'de')).toBeUndefined();
  });
});
