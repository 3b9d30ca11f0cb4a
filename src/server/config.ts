import path from 'node:path';
import { z } from 'zod';

const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  PUBLIC_URL: z.string().optional(),
  DATABASE_URL: z.string().optional(),
  GUANMO_DATA_DIR: z.string().default('./data'),
  /** Uploaded files; a shared volume when several processes run. Default: <GUANMO_DATA_DIR>/files. */
  GUANMO_FILES_DIR: z.string().optional(),
  GUANMO_ADMIN_EMAIL: z.string().optional(),
  GUANMO_ADMIN_PASSWORD: z.string().optional(),
  GUANMO_SESSION_DAYS: z.coerce.number().int().min(1).max(365).default(14),
  GUANMO_SECURE_COOKIES: z.enum(['true', 'false']).optional(),
  GUANMO_TRUST_PROXY: z.enum(['true', 'false']).default('false'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Outgoing e-mail; without SMTP_HOST e-mail messages wait in the outbox. */
  SMTP_HOST: z.string().optional(),
  SMTP_PORT: z.coerce.number().int().min(1).max(65535).optional(),
  SMTP_SECURE: z.enum(['true', 'false']).optional(),
  SMTP_USER: z.string().optional(),
  SMTP_PASSWORD: z.string().optional(),
  SMTP_FROM: z.string().optional(),
  /** How often the outbox worker looks for due messages; 0 turns the worker off in this process. */
  OUTBOX_INTERVAL_SECONDS: z.coerce.number().min(0).max(3600).default(15),
  /** Per client address and minute: sign-in attempts, and public writes (registrations …). */
  GUANMO_LOGIN_RATE_LIMIT: z.coerce.number().int().min(1).default(20),
  GUANMO_PUBLIC_RATE_LIMIT: z.coerce.number().int().min(1).default(30),
});

export type Config = {
  port: number;
  host: string;
  publicUrl: string;
  databaseUrl: string | undefined;
  dataDir: string;
  filesDir: string;
  adminEmail: string | undefined;
  adminPassword: string | undefined;
  sessionDays: number;
  secureCookies: boolean;
  trustProxy: boolean;
  logLevel: z.infer<typeof envSchema>['LOG_LEVEL'];
  webDist: string;
  smtp: SmtpConfig | null;
  outboxIntervalMs: number;
  rateLimits: { login: number; publicWrites: number };
};

export type SmtpConfig = {
  host: string;
  port: number;
  secure: boolean;
  user: string | undefined;
  password: string | undefined;
  from: string;
};

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.parse(env);
  const publicUrl = (parsed.PUBLIC_URL ?? `http://localhost:${parsed.PORT}`).replace(/\/$/, '');
  return {
    port: parsed.PORT,
    host: parsed.HOST,
    publicUrl,
    databaseUrl: parsed.DATABASE_URL || undefined,
    dataDir: path.resolve(parsed.GUANMO_DATA_DIR),
    filesDir: path.resolve(parsed.GUANMO_FILES_DIR ?? path.join(parsed.GUANMO_DATA_DIR, 'files')),
    adminEmail: parsed.GUANMO_ADMIN_EMAIL,
    adminPassword: parsed.GUANMO_ADMIN_PASSWORD,
    sessionDays: parsed.GUANMO_SESSION_DAYS,
    secureCookies: parsed.GUANMO_SECURE_COOKIES
      ? parsed.GUANMO_SECURE_COOKIES === 'true'
      : publicUrl.startsWith('https://'),
    trustProxy: parsed.GUANMO_TRUST_PROXY === 'true',
    logLevel: parsed.LOG_LEVEL,
    webDist: path.resolve('dist/web'),
    smtp: smtpConfig(parsed),
    outboxIntervalMs: parsed.OUTBOX_INTERVAL_SECONDS * 1000,
    rateLimits: { login: parsed.GUANMO_LOGIN_RATE_LIMIT, publicWrites: parsed.GUANMO_PUBLIC_RATE_LIMIT },
  };
}

function smtpConfig(parsed: z.infer<typeof envSchema>): SmtpConfig | null {
  if (!parsed.SMTP_HOST) return null;
  const secure = parsed.SMTP_SECURE ? parsed.SMTP_SECURE === 'true' : parsed.SMTP_PORT === 465;
  return {
    host: parsed.SMTP_HOST,
    port: parsed.SMTP_PORT ?? (secure ? 465 : 587),
    secure,
    user: parsed.SMTP_USER || undefined,
    password: parsed.SMTP_PASSWORD || undefined,
    from: parsed.SMTP_FROM || parsed.SMTP_USER || 'guanmo@localhost',
  };
}
