/**
 * The one way the web app talks to the server: same-origin JSON under /api/v1, session cookie,
 * `X-CSRF-Token` on every cookie-authenticated write, RFC 9457 problem details turned into `ApiError`.
 */

export const API_BASE = '/api/v1';

/** One field error of a validation problem. */
export interface ProblemFieldError {
  path: string;
  message: string;
}

/** An RFC 9457 problem document as the server sends it (`application/problem+json`). */
export interface Problem {
  type?: string;
  title: string;
  status: number;
  detail?: string;
  errors?: ProblemFieldError[];
  /** Members beyond the standard ones (e.g. `currentVersion` of a 412, `allowed` of a refused move). */
  extensions?: Record<string, unknown>;
}

/** A failed API call. `status` is 0 when the server could not be reached at all. */
export class ApiError extends Error {
  readonly status: number;
  readonly problem: Problem;

  constructor(problem: Problem) {
    super(problem.detail ?? problem.title);
    this.name = 'ApiError';
    this.status = problem.status;
    this.problem = problem;
  }

  /** Field errors keyed by the last segment of their path (`body.email`, `/email` → `email`). */
  fieldErrors(): Record<string, string> {
    const out: Record<string, string> = {};
    for (const e of this.problem.errors ?? []) {
      const key = problemFieldName(e.path);
      if (key && !(key in out)) out[key] = e.message;
    }
    return out;
  }

  /** Field errors keyed by their full path (`persons.0.givenNames`), for forms with repeated parts. */
  fieldErrorsByPath(): Record<string, string> {
    const out: Record<string, string> = {};
    for (const e of this.problem.errors ?? []) {
      const key = problemFieldPath(e.path);
      if (key && !(key in out)) out[key] = e.message;
    }
    return out;
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}

/** The field a problem error is about: the last named segment of its path. */
export function problemFieldName(path: string): string {
  const parts = String(path)
    .split(/[./[\]]/)
    .filter((p) => p !== '' && !/^\d+$/.test(p));
  return parts[parts.length - 1] ?? '';
}

/** A problem error's path in dotted form, without a leading `body` (`/persons/0/sex` → `persons.0.sex`). */
export function problemFieldPath(path: string): string {
  const parts = String(path)
    .split(/[./[\]]/)
    .filter((p) => p !== '');
  if (parts[0] === 'body') parts.shift();
  return parts.join('.');
}

// The CSRF token lives in memory only (from login or GET /me), never in storage.
let csrfToken: string | null = null;

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

export function getCsrfToken(): string | null {
  return csrfToken;
}

export type HttpMethod = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

export interface RequestOptions {
  /** Query parameters; undefined values are left out. */
  query?: Record<string, string | number | boolean | undefined>;
  /** Extra request headers (e.g. `If-Match` with the version a change is based on). */
  headers?: Record<string, string>;
  signal?: AbortSignal;
}

const STANDARD_PROBLEM_MEMBERS: ReadonlySet<string> = new Set([
  'type',
  'title',
  'status',
  'detail',
  'instance',
  'errors',
]);

const WRITE_METHODS: ReadonlySet<HttpMethod> = new Set(['POST', 'PATCH', 'PUT', 'DELETE']);

function isProblemLike(value: unknown): value is Partial<Problem> {
  return typeof value === 'object' && value !== null;
}

async function readBody(response: Response): Promise<unknown> {
  if (response.status === 204 || response.status === 205) return undefined;
  const text = await response.text();
  if (text === '') return undefined;
  const type = response.headers.get('content-type') ?? '';
  if (type.includes('json')) {
    try {
      return JSON.parse(text) as unknown;
    } catch {
      return text;
    }
  }
  return text;
}

function pathText(path: unknown): string {
  if (typeof path === 'string') return path;
  if (Array.isArray(path))
    return path.filter((p) => typeof p === 'string' || typeof p === 'number').join('.');
  return '';
}

function toProblem(status: number, statusText: string, body: unknown): Problem {
  if (isProblemLike(body)) {
    const title = typeof body.title === 'string' && body.title !== '' ? body.title : statusText;
    const problem: Problem = { title: title || `HTTP ${status}`, status };
    if (typeof body.type === 'string') problem.type = body.type;
    if (typeof body.detail === 'string' && body.detail !== '') problem.detail = body.detail;
    if (Array.isArray(body.errors)) {
      problem.errors = body.errors.filter(isProblemLike).map((e) => {
        const item = e as { path?: unknown; message?: unknown };
        return { path: pathText(item.path), message: typeof item.message === 'string' ? item.message : '' };
      });
    }
    const extensions = Object.entries(body).filter(([key]) => !STANDARD_PROBLEM_MEMBERS.has(key));
    if (extensions.length > 0) problem.extensions = Object.fromEntries(extensions);
    return problem;
  }
  return { title: statusText || `HTTP ${status}`, status };
}

/** Calls the API and resolves with the parsed JSON body (undefined for 204). Rejects with ApiError. */
export async function apiRequest<T>(
  method: HttpMethod,
  path: string,
  body?: unknown,
  options: RequestOptions = {},
): Promise<T> {
  let url = `${API_BASE}${path}`;
  if (options.query) {
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries(options.query)) {
      if (value !== undefined) params.set(key, String(value));
    }
    const qs = params.toString();
    if (qs) url += `?${qs}`;
  }

  const headers: Record<string, string> = {
    ...options.headers,
    Accept: 'application/json, application/problem+json',
  };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (WRITE_METHODS.has(method) && path !== '/auth/login' && csrfToken) headers['X-CSRF-Token'] = csrfToken;

  let response: Response;
  try {
    response = await fetch(url, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: 'same-origin',
      signal: options.signal,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError({ title: 'Network error', status: 0 });
  }

  const parsed = await readBody(response);
  if (!response.ok) throw new ApiError(toProblem(response.status, response.statusText, parsed));
  return parsed as T;
}

export const api = {
  get: <T>(path: string, options?: RequestOptions) => apiRequest<T>('GET', path, undefined, options),
  post: <T>(path: string, body?: unknown, options?: RequestOptions) =>
    apiRequest<T>('POST', path, body ?? {}, options),
  patch: <T>(path: string, body: unknown, options?: RequestOptions) =>
    apiRequest<T>('PATCH', path, body, options),
  put: <T>(path: string, body: unknown, options?: RequestOptions) =>
    apiRequest<T>('PUT', path, body, options),
  delete: <T = void>(path: string, options?: RequestOptions) =>
    apiRequest<T>('DELETE', path, undefined, options),
};
