/**
 * A small HTTP client for load loops where every simulated user has a session of its own: one
 * keep-alive connection per user (like one browser tab), the session cookie and CSRF token of its
 * login, and each request timed from sending to the last byte of the answer.
 */
import http from 'node:http';

export interface Answer {
  status: number;
  ms: number;
  text: string;
}

export class UserClient {
  private readonly agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  private cookie = '';
  private csrf = '';
  private readonly url: URL;

  constructor(
    base: string,
    readonly email: string,
  ) {
    this.url = new URL(base);
  }

  async login(password: string): Promise<void> {
    const res = await this.send('POST', '/api/v1/auth/login', { email: this.email, password }, true);
    if (res.status !== 200) throw new Error(`login ${this.email}: ${res.status} ${res.text.slice(0, 300)}`);
    this.csrf = (JSON.parse(res.text) as { csrfToken: string }).csrfToken;
  }

  /** A request under /api/v1; the body, when given, is sent as JSON. */
  request(method: 'GET' | 'POST' | 'PUT', path: string, body?: unknown): Promise<Answer> {
    return this.send(method, `/api/v1${path}`, body, false);
  }

  /** The JSON of a request that must answer `status`, or an error naming what came instead. */
  async json<T>(method: 'GET' | 'POST' | 'PUT', path: string, body?: unknown, status = 200): Promise<T> {
    const res = await this.request(method, path, body);
    if (res.status !== status) {
      throw new Error(`${method} ${path} as ${this.email}: ${res.status} ${res.text.slice(0, 500)}`);
    }
    return JSON.parse(res.text) as T;
  }

  close(): void {
    this.agent.destroy();
  }

  private send(method: string, path: string, body: unknown, isLogin: boolean): Promise<Answer> {
    const payload = body === undefined ? undefined : Buffer.from(JSON.stringify(body));
    const headers: Record<string, string> = {};
    if (payload) {
      headers['content-type'] = 'application/json';
      headers['content-length'] = String(payload.length);
    }
    if (this.cookie) headers.cookie = this.cookie;
    if (method !== 'GET' && this.csrf) headers['x-csrf-token'] = this.csrf;
    return new Promise((resolve, reject) => {
      const started = performance.now();
      const req = http.request(
        {
          host: this.url.hostname,
          port: this.url.port,
          method,
          path,
          headers,
          agent: this.agent,
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => {
            if (isLogin) {
              const set = res.headers['set-cookie'] ?? [];
              const session = set.find((c) => c.startsWith('hw_session='));
              if (session) this.cookie = session.split(';')[0]!;
            }
            resolve({
              status: res.statusCode ?? 0,
              ms: performance.now() - started,
              text: Buffer.concat(chunks).toString(),
            });
          });
          res.on('error', reject);
        },
      );
      req.on('error', reject);
      if (payload) req.write(payload);
      req.end();
    });
  }
}
