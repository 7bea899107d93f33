import nodemailer from 'nodemailer';
import {
  caseLink,
  isNotificationType,
  notificationLanguage,
  renderNotificationEmail,
} from '../../domain/notifications.ts';
import type { AppContext } from '../context.ts';
import * as repo from './notifications.repository.ts';
import { registerMailer } from './notifications.service.ts';

/**
 * The e-mail dispatcher of one server process. Notifications are written with email_status 'pending'
 * inside the transaction of the change they report; this loop sends them after the commit: it claims
 * due rows (FOR UPDATE SKIP LOCKED, so several processes share the work), sends each over SMTP, and
 * records 'sent', or the error and a later retry, or 'failed' after the last attempt. It polls every
 * few seconds and notify() pokes it; stop() lets the message in flight finish and closes the SMTP pool.
 */

interface Log {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

export interface MailerOptions {
  log?: Log;
  /** Time between two looks at the outbox when nothing pokes (default 5 s). */
  pollMs?: number;
  /** Delay between a poke and the look, to let the notifying transaction commit (default 200 ms). */
  pokeDelayMs?: number;
  /** Attempts before an e-mail is given up as 'failed' (default 5). */
  maxAttempts?: number;
  /** Wait before the attempt after failed attempt `n` (default 1, 3, 9, 27 minutes). */
  backoffMs?: (attempt: number) => number;
  /** How long a claimed e-mail is kept from other mailers while being sent (default 2 min). */
  leaseMs?: number;
  /** E-mails claimed at a time (default 20). */
  batchSize?: number;
}

export interface Mailer {
  /** False when HOMEWARD_SMTP_URL is not set: nothing is claimed or sent. */
  readonly enabled: boolean;
  /** Look at the outbox soon. */
  poke(): void;
  /** Sends what is due now; resolves to the number of e-mails tried. */
  runOnce(): Promise<number>;
  stop(): Promise<void>;
}

const DISABLED: Mailer = {
  enabled: false,
  poke: () => {},
  runOnce: () => Promise.resolve(0),
  stop: () => Promise.resolve(),
};

const defaultBackoff = (attempt: number) => Math.min(60_000 * 3 ** (attempt - 1), 3_600_000);

export function startMailer(ctx: AppContext, options: MailerOptions = {}): Mailer {
  const url = ctx.config.HOMEWARD_SMTP_URL;
  if (!url) return DISABLED;
  const pollMs = options.pollMs ?? 5000;
  const pokeDelayMs = options.pokeDelayMs ?? 200;
  const maxAttempts = options.maxAttempts ?? 5;
  const backoffMs = options.backoffMs ?? defaultBackoff;
  const leaseMs = options.leaseMs ?? 120_000;
  const batchSize = options.batchSize ?? 20;
  const log = options.log;

  const transport = nodemailer.createTransport(
    {
      url,
      pool: true,
      maxConnections: 2,
      connectionTimeout: 15_000,
      greetingTimeout: 15_000,
      socketTimeout: 30_000,
    },
    { from: ctx.config.HOMEWARD_MAIL_FROM },
  );

  let stopping = false;
  let timer: NodeJS.Timeout | null = null;
  let timerAt = Infinity;
  let running: Promise<number> | null = null;
  let pokedWhileRunning = false;

  function schedule(delay: number) {
    if (stopping) return;
    const at = Date.now() + delay;
    if (timer && timerAt <= at) return;
    if (timer) clearTimeout(timer);
    timerAt = at;
    timer = setTimeout(() => {
      timer = null;
      timerAt = Infinity;
      void tick();
    }, delay);
    timer.unref();
  }

  async function tick() {
    let tried = 0;
    try {
      tried = await runOnce();
    } catch (err) {
      log?.error({ err }, 'mailer: the outbox could not be read');
    }
    if (pokedWhileRunning || tried >= batchSize) {
      pokedWhileRunning = false;
      schedule(tried >= batchSize ? 0 : pokeDelayMs);
    } else {
      schedule(pollMs);
    }
  }

  function runOnce(): Promise<number> {
    if (running) {
      pokedWhileRunning = true;
      return running;
    }
    running = sendDue().finally(() => {
      running = null;
    });
    return running;
  }

  async function sendDue(): Promise<number> {
    if (stopping) return 0;
    const claimed = await repo.claimDueEmails(ctx.db, batchSize, leaseMs);
    if (claimed.length === 0) return 0;
    const users = new Map(
      (await repo.emailRecipients(ctx.db, [...new Set(claimed.map((c) => c.user_id))])).map((u) => [u.id, u]),
    );
    for (const n of claimed) {
      if (stopping) {
        await repo.finishEmail(ctx.db, n.id, n.email_attempts, { status: 'released' });
        continue;
      }
      const user = users.get(n.user_id);
      if (!user?.active || !isNotificationType(n.type)) {
        await repo.finishEmail(ctx.db, n.id, n.email_attempts, {
          status: 'failed',
          error: user?.active ? `unknown notification type ${n.type}` : 'the user is no longer active',
        });
        continue;
      }
      const language = notificationLanguage(user.locale);
      const link = n.case_id ? caseLink(ctx.config.HOMEWARD_PUBLIC_URL, n.case_id) : null;
      const mail = renderNotificationEmail(n.type, n.params, language, link);
      try {
        await transport.sendMail({
          to: user.email,
          subject: mail.subject,
          text: mail.text,
          headers: { 'Auto-Submitted': 'auto-generated', 'X-Homeward-Notification': n.id },
        });
        await repo.finishEmail(ctx.db, n.id, n.email_attempts, { status: 'sent' });
      } catch (err) {
        const error = describe(err);
        const last = n.email_attempts >= maxAttempts;
        await repo.finishEmail(
          ctx.db,
          n.id,
          n.email_attempts,
          last
            ? { status: 'failed', error }
            : { status: 'pending', error, retryInMs: backoffMs(n.email_attempts) },
        );
        const details = { notificationId: n.id, attempt: n.email_attempts, error };
        if (last) log?.error(details, 'mailer: e-mail given up');
        else log?.warn(details, 'mailer: e-mail failed, will retry');
      }
    }
    return claimed.length;
  }

  const unregister = registerMailer(() => {
    if (running) pokedWhileRunning = true;
    else schedule(pokeDelayMs);
  });
  schedule(0);

  return {
    enabled: true,
    poke: () => schedule(pokeDelayMs),
    runOnce,
    async stop() {
      if (stopping) return;
      stopping = true;
      unregister();
      if (timer) clearTimeout(timer);
      timer = null;
      try {
        await running;
      } catch {
        // already logged by tick, or the caller of runOnce saw it
      }
      transport.close();
    },
  };
}

function describe(err: unknown): string {
  const e = err as { message?: unknown; responseCode?: unknown; code?: unknown };
  const text = typeof e.message === 'string' ? e.message : String(err);
  const code = typeof e.responseCode === 'number' ? `${e.responseCode} ` : '';
  return `${code}${text}`.slice(0, 1000);
}
