/** Whether `value` is an integer HTTP status a problem response may carry (400–599). */
export function isErrorStatus(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 400 && value <= 599;
}

/**
 * The reason phrases of the error statuses in IANA's HTTP Status Code Registry, as RFC 9110
 * names them (`Content Too Large`, not RFC 7231's `Payload Too Large`), and 418, which RFC 9110
 * leaves unassigned but applications still send. A table rather than a dependency: it is all
 * a problem's default `title` needs, and loading nothing keeps cold starts short.
 */
const phrases: Readonly<Record<number, string>> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  402: 'Payment Required',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  406: 'Not Acceptable',
  407: 'Proxy Authentication Required',
  408: 'Request Timeout',
  409: 'Conflict',
  410: 'Gone',
  411: 'Length Required',
  412: 'Precondition Failed',
  413: 'Content Too Large',
  414: 'URI Too Long',
  415: 'Unsupported Media Type',
  416: 'Range Not Satisfiable',
  417: 'Expectation Failed',
  418: "I'm a teapot",
  421: 'Misdirected Request',
  422: 'Unprocessable Content',
  423: 'Locked',
  424: 'Failed Dependency',
  425: 'Too Early',
  426: 'Upgrade Required',
  428: 'Precondition Required',
  429: 'Too Many Requests',
  431: 'Request Header Fields Too Large',
  451: 'Unavailable For Legal Reasons',
  500: 'Internal Server Error',
  501: 'Not Implemented',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
  505: 'HTTP Version Not Supported',
  506: 'Variant Also Negotiates',
  507: 'Insufficient Storage',
  508: 'Loop Detected',
  510: 'Not Extended',
  511: 'Network Authentication Required',
};

/** The recommended reason phrase of an error status (RFC 9110), or its class for unassigned ones. */
export function reasonPhrase(status: number): string {
  return phrases[status] ?? (status < 500 ? 'Client Error' : 'Server Error');
}
/**
 * The error code of a 4xx status the registry has no code for: its reason phrase in
 * UPPER_SNAKE_CASE, `CLIENT_ERROR` for an unassigned status.
 */
export function codeOfStatus(status: number): string {
  const phrase = phrases[status];
  return phrase === undefined ? 'CLIENT_ERROR' : codeFromPhrase(phrase);
}

function codeFromPhrase(phrase: string): string {
  return phrase
    .replace(/'/g, '')
    .replace(/[^A-Za-z0-9]+/g, '_')
    .replace(/^_|_$/g, '')
    .toUpperCase();
}
