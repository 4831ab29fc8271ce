import type { LocalizableProblem, LocalizedTexts } from '@faultline/core';

/*
 * The Datasets API in German: a title for every problem type of the default catalogue, keyed by
 * the slug of its `type` (`<base>#<slug>`), and templates for the details the API and the
 * adapters write. `type` and `error_code` are identifiers and stay as they are.
 */

/** The German title of each problem type, by the slug of its `type`. */
export const germanTitles: Readonly<Record<string, string>> = {
  'invalid-request': 'Ungültige Anfrage',
  'authentication-required': 'Nicht authentifiziert',
  'access-forbidden': 'Zugriff verweigert',
  'resource-not-found': 'Nicht gefunden',
  'method-not-allowed': 'Methode nicht erlaubt',
  'resource-conflict': 'Konflikt',
  'content-too-large': 'Inhalt zu groß',
  'unsupported-media-type': 'Nicht unterstützter Medientyp',
  'validation-error': 'Nicht verarbeitbarer Inhalt',
  'rate-limit-exceeded': 'Zu viele Anfragen',
  'internal-server-error': 'Interner Serverfehler',
  'bad-gateway': 'Fehlerhaftes Gateway',
  'service-unavailable': 'Dienst nicht verfügbar',
};

type Template = readonly [english: RegExp, german: (...parts: string[]) => string];

/** Whole details, matched exactly: the domain's own, then the adapters' and core's. */
const detailTemplates: readonly Template[] = [
  [
    /^Dataset with ID '(.*)' was not found\.$/,
    (id) => `Datensatz mit der ID '${id}' wurde nicht gefunden.`,
  ],
  [/^'(.*)' is not a valid dataset ID\.$/, (id) => `'${id}' ist keine gültige Datensatz-ID.`],
  [/^The dataset ID is not valid\.$/, () => 'Die Datensatz-ID ist ungültig.'],
  [
    /^A dataset named '(.*)' already exists in this space\.$/,
    (name) => `Ein Datensatz namens '${name}' existiert in diesem Bereich bereits.`,
  ],
  [
    /^You do not have permission to create datasets in this space\.$/,
    () => 'Sie dürfen in diesem Bereich keine Datensätze anlegen.',
  ],
  [
    /^You do not have permission to delete this dataset\.$/,
    () => 'Sie dürfen diesen Datensatz nicht löschen.',
  ],
  [
    /^Bearer credentials are required: send Authorization: Bearer <key>\.$/,
    () => 'Bearer-Zugangsdaten sind erforderlich: Senden Sie Authorization: Bearer <key>.',
  ],
  [
    /^The API key is invalid, expired or revoked\.$/,
    () => 'Der API-Schlüssel ist ungültig, abgelaufen oder widerrufen.',
  ],
  [/^The catalogue service did not answer\.$/, () => 'Der Katalogdienst hat nicht geantwortet.'],
  [
    /^The service is down for maintenance\.$/,
    () => 'Der Dienst ist wegen Wartungsarbeiten nicht verfügbar.',
  ],
  [/^An unexpected error occurred\.$/, () => 'Ein unerwarteter Fehler ist aufgetreten.'],
  [/^No resource exists at this URL\.$/, () => 'Unter dieser URL gibt es keine Ressource.'],
  [
    /^The ([A-Z]+) method is not allowed on this resource\.$/,
    (method) => `Die Methode ${method} ist für diese Ressource nicht erlaubt.`,
  ],
  [
    /^Content-Type must be (\S+(?: or \S+)*)$/,
    (types) => `Content-Type muss ${types.split(' or ').join(' oder ')} sein`,
  ],
  [
    /^You have exceeded the allowed number of requests\. Please try again later\.$/,
    () =>
      'Sie haben die erlaubte Anzahl von Anfragen überschritten. Bitte versuchen Sie es später erneut.',
  ],
  [
    /^This client made too many requests and is blocked for now\.$/,
    () => 'Dieser Client hat zu viele Anfragen gestellt und ist vorerst gesperrt.',
  ],
  [
    /^The request URL is not correctly percent-encoded\.$/,
    () => 'Die URL der Anfrage ist nicht korrekt prozentkodiert.',
  ],
  [
    /^The request body is larger than the limit of (\d+) bytes\.$/,
    (limit) => `Der Anfragekörper ist größer als die Grenze von ${limit} Bytes.`,
  ],
  [
    /^JSON parse error: the request body is empty\.$/,
    () => 'JSON-Fehler: Der Anfragekörper ist leer.',
  ],
  [
    /^The request body is larger than this server accepts\.$/,
    () => 'Der Anfragekörper ist größer, als dieser Server annimmt.',
  ],
  [
    /^JSON request bodies must be encoded in UTF-8\.$/,
    () => 'JSON-Anfragekörper müssen in UTF-8 kodiert sein.',
  ],
  [
    /^The request body does not match its Content-Length\.$/,
    () => 'Der Anfragekörper passt nicht zu seiner Content-Length.',
  ],
  [
    /^JSON parse error: the body must be a JSON object or array\.$/,
    () => 'JSON-Fehler: Der Anfragekörper muss ein JSON-Objekt oder -Array sein.',
  ],
  [
    /^JSON parse error: the request body is not valid UTF-8\.$/,
    () => 'JSON-Fehler: Der Anfragekörper ist kein gültiges UTF-8.',
  ],
  [
    /^JSON parse error: the body is not valid JSON\.$/,
    () => 'JSON-Fehler: Der Anfragekörper ist kein gültiges JSON.',
  ],
];

/** A validation detail: who (`The 'name' field`, `The request body`, `The path`), then the rule. */
const validationDetail =
  /^(?:The '(.+)' (field|parameter)|The (request body|path|query string)) (.+)$/;

const wholeSubjects: Readonly<Record<string, string>> = {
  'request body': 'Der Anfragekörper',
  path: 'Der Pfad',
  'query string': 'Der Query-String',
};

/** What a validation rule says of its subject, in German. */
const ruleTemplates: readonly Template[] = [
  [/^is required\.$/, () => 'ist erforderlich.'],
  [/^is invalid\.$/, () => 'ist ungültig.'],
  [/^is not allowed\.$/, () => 'ist nicht erlaubt.'],
  [/^must be of type (\w+)\.$/, (type) => `muss vom Typ ${type} sein.`],
  [/^must be one of (.+)\.$/, (values) => `muss einer dieser Werte sein: ${values}.`],
  [/^must not be empty\.$/, () => 'darf nicht leer sein.'],
  [
    /^must be at least (\d+) characters long\.$/,
    (limit) => `muss mindestens ${limit} Zeichen lang sein.`,
  ],
  [
    /^must be at most (\d+) characters long\.$/,
    (limit) => `darf höchstens ${limit} Zeichen lang sein.`,
  ],
  [/^must have at least (\d+) items\.$/, (limit) => `muss mindestens ${limit} Einträge haben.`],
  [/^must have at most (\d+) items\.$/, (limit) => `darf höchstens ${limit} Einträge haben.`],
  [/^must be ([<>]=?) (\S+)\.$/, (comparison, limit) => `muss ${comparison} ${limit} sein.`],
  [/^must be a valid (\S+)\.$/, (format) => `muss ein gültiges ${format} sein.`],
  [/^does not match the expected pattern\.$/, () => 'entspricht nicht dem erwarteten Muster.'],
];

function fill(templates: readonly Template[], text: string): string | undefined {
  for (const [english, german] of templates) {
    const match = english.exec(text);
    if (match !== null) return german(...match.slice(1).map((part) => part ?? ''));
  }
  return undefined;
}

/** A detail in German, or `undefined` when no template knows it. */
export function germanDetail(detail: string): string | undefined {
  const whole = fill(detailTemplates, detail);
  if (whole !== undefined) return whole;
  const validation = validationDetail.exec(detail);
  if (validation === null) return undefined;
  const [, name, kind, wholeName, rule = ''] = validation;
  const germanRule = fill(ruleTemplates, rule);
  if (germanRule === undefined) return undefined;
  const subject =
    wholeName !== undefined
      ? wholeSubjects[wholeName]
      : `${kind === 'field' ? 'Das Feld' : 'Der Parameter'} '${name}'`;
  return `${subject} ${germanRule}`;
}

/**
 * The adapters' `localize` option: German title and detail for `de`; nothing for any other
 * language, so the problem stays in English. A detail with no template keeps its English text
 * under the German title, and the answer still says `Content-Language: de`.
 *
 * @example problemHandlers({ locales: ['en', 'de'], localize: localizeDatasets })
 */
export function localizeDatasets(
  problem: LocalizableProblem,
  language: string,
): LocalizedTexts | undefined {
  if (language !== 'de') return undefined;
  const slug = problem.type.slice(problem.type.lastIndexOf('#') + 1);
  const title = Object.hasOwn(germanTitles, slug) ? germanTitles[slug] : undefined;
  const detail = problem.detail === undefined ? undefined : germanDetail(problem.detail);
  // Nothing translated: the problem is answered in English, and says so.
  if (title === undefined && detail === undefined) return undefined;
  return { title, detail };
}
