/**
 * RFC 9457 problem details. Services throw a Problem; the error handler renders it as
 * application/problem+json. Validation problems carry a field-level `errors` list.
 */
export interface FieldError {
  path: string;
  message: string;
  location?: 'body' | 'querystring' | 'params' | 'headers';
}

export interface ProblemBody {
  type: string;
  title: string;
  status: number;
  detail?: string;
  instance?: string;
  errors?: FieldError[];
  [extension: string]: unknown;
}

const TITLES: Record<number, string> = {
  400: 'Bad request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not found',
  405: 'Method not allowed',
  406: 'Not acceptable',
  409: 'Conflict',
  412: 'Precondition failed',
  413: 'Payload too large',
  415: 'Unsupported media type',
  422: 'Unprocessable content',
  428: 'Precondition required',
  429: 'Too many requests',
  500: 'Internal server error',
  503: 'Service unavailable',
};

export class Problem extends Error {
  readonly status: number;
  readonly type: string;
  readonly title: string;
  readonly detail: string | undefined;
  readonly errors: FieldError[] | undefined;
  readonly extensions: Record<string, unknown>;
  readonly headers: Record<string, string>;

  constructor(
    status: number,
    detail?: string,
    options: {
      type?: string;
      title?: string;
      errors?: FieldError[];
      extensions?: Record<string, unknown>;
      headers?: Record<string, string>;
    } = {},
  ) {
    super(detail ?? TITLES[status] ?? 'Error');
    this.status = status;
    this.type = options.type ?? 'about:blank';
    this.title = options.title ?? TITLES[status] ?? 'Error';
    this.detail = detail;
    this.errors = options.errors;
    this.extensions = options.extensions ?? {};
    this.headers = options.headers ?? {};
  }

  toBody(instance?: string): ProblemBody {
    return {
      ...this.extensions,
      type: this.type,
      title: this.title,
      status: this.status,
      ...(this.detail !== undefined ? { detail: this.detail } : {}),
      ...(instance !== undefined ? { instance } : {}),
      ...(this.errors ? { errors: this.errors } : {}),
    };
  }
}

const TYPE_BASE = 'https://homeward.example/problems/';

export const problems = {
  validation: (errors: FieldError[], detail = 'The request is not valid: see errors.') =>
    new Problem(400, detail, { type: `${TYPE_BASE}validation`, errors }),
  unauthenticated: (detail = 'Authentication is required: log in or send an API token.') =>
    new Problem(401, detail, { type: `${TYPE_BASE}unauthenticated` }),
  forbidden: (detail = 'You do not have permission to do this.') =>
    new Problem(403, detail, { type: `${TYPE_BASE}forbidden` }),
  notFound: (what = 'resource') => new Problem(404, `No such ${what}.`, { type: `${TYPE_BASE}not-found` }),
  conflict: (detail: string, extensions?: Record<string, unknown>) =>
    new Problem(409, detail, { type: `${TYPE_BASE}conflict`, ...(extensions ? { extensions } : {}) }),
  tooManyRequests: (detail: string, retryAfterSeconds: number) =>
    new Problem(429, detail, {
      type: `${TYPE_BASE}too-many-requests`,
      extensions: { retryAfter: retryAfterSeconds },
      headers: { 'retry-after': String(retryAfterSeconds) },
    }),
};

export const PROBLEM_CONTENT_TYPE = 'application/problem+json; charset=utf-8';
