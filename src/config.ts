import path from 'node:path';
import { z } from 'zod';

/**
 * Configuration comes from the environment only, is validated once at start-up and fails fast with a
 * readable message naming the variable.
 */
const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const ConfigSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  HOST: z.string().min(1).default('0.0.0.0'),
  HOMEWARD_DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// URL')
    .optional(),
  HOMEWARD_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Minutes of inactivity after which a session ends. */
  HOMEWARD_SESSION_IDLE_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(7 * 24 * 60)
    .default(30),
  /** Hours after login at which a session ends whatever the activity. */
  HOMEWARD_SESSION_ABSOLUTE_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 30)
    .default(12),
  /** Set the Secure flag on cookies (turn on behind HTTPS). */
  HOMEWARD_SECURE_COOKIES: bool.default(false),
  /** Failed logins (per account or per address) after which answers are slowed down. */
  HOMEWARD_LOGIN_SLOWDOWN_AFTER: z.coerce.number().int().min(1).default(5),
  /** Failed logins after which further attempts are refused for HOMEWARD_LOGIN_LOCK_MINUTES. */
  HOMEWARD_LOGIN_LOCK_AFTER: z.coerce.number().int().min(2).default(10),
  HOMEWARD_LOGIN_LOCK_MINUTES: z.coerce.number().int().min(1).default(15),
  /** Requests per minute per address, all routes. */
  HOMEWARD_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(1200),
  /** Largest accepted request body in bytes. */
  HOMEWARD_BODY_LIMIT_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .default(1024 * 1024),
  /**
   * The key that encrypts stored documents: base64 of exactly 32 random bytes. Without it, a key is
   * generated on first use and kept in the data directory (src/server/documents/file-key.ts).
   */
  HOMEWARD_FILE_KEY: z
    .string()
    .trim()
    .refine(
      (v) => /^[A-Za-z0-9+/]+={0,2}$/.test(v) && Buffer.from(v, 'base64').length === 32,
      'must be the base64 of exactly 32 random bytes (make one with: openssl rand -base64 32)',
    )
    .optional(),
  /** Largest accepted document upload in bytes (10 MiB by default). */
  HOMEWARD_MAX_UPLOAD_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .max(100 * 1024 * 1024, 'at most 104857600 (100 MiB): documents are kept in the database')
    .default(10 * 1024 * 1024),
  /**
   * The SMTP server that sends notification e-mails, as smtp://user:password@host:587 (STARTTLS when
   * the server offers it) or smtps://user:password@host:465. Without it no e-mail is sent.
   */
  HOMEWARD_SMTP_URL: z
    .string()
    .trim()
    .refine((v) => {
      try {
        const u = new URL(v);
        return (u.protocol === 'smtp:' || u.protocol === 'smtps:') && u.hostname !== '';
      } catch {
        return false;
      }
    }, 'must be an smtp:// or smtps:// URL with a host, e.g. smtp://user:password@mail.example.org:587')
    .optional(),
  /** The sender of notification e-mails. */
  HOMEWARD_MAIL_FROM: z.string().trim().min(3).default('Homeward <no-reply@homeward.invalid>'),
  /** The address users open Homeward at (https://homeward.example.org), for links in e-mails. */
  HOMEWARD_PUBLIC_URL: z
    .string()
    .trim()
    .regex(/^https?:\/\/[^\s/]+/, 'must be an http:// or https:// URL')
    .optional(),
  /** Create the demo world on the first start of an empty database. */
  HOMEWARD_SEED_DEMO: bool.default(true),
  /** Trust X-Forwarded-For from a reverse proxy. */
  HOMEWARD_TRUST_PROXY: bool.default(false),
});

export type Config = z.infer<typeof ConfigSchema> & { dataDir: string };

export class ConfigError extends Error {}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = ConfigSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  return { ...parsed.data, dataDir: path.resolve(parsed.data.HOMEWARD_DATA_DIR) };
}
