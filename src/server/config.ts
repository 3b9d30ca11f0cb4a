import path from 'node:path';
import { z } from 'zod';

const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  PUBLIC_URL: z.string().optional(),
  DATABASE_URL: z.string().optional(),
  GUANMO_DATA_DIR: z.string().default('./data'),
  GUANMO_ADMIN_EMAIL: z.string().optional(),
  GUANMO_ADMIN_PASSWORD: z.string().optional(),
  GUANMO_SESSION_DAYS: z.coerce.number().int().min(1).max(365).default(14),
  GUANMO_SECURE_COOKIES: z.enum(['true', 'false']).optional(),
  GUANMO_TRUST_PROXY: z.enum(['true', 'false']).default('false'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export type Config = {
  port: number;
  host: string;
  publicUrl: string;
  databaseUrl: string | undefined;
  dataDir: string;
  adminEmail: string | undefined;
  adminPassword: string | undefined;
  sessionDays: number;
  secureCookies: boolean;
  trustProxy: boolean;
  logLevel: z.infer<typeof envSchema>['LOG_LEVEL'];
  webDist: string;
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
    adminEmail: parsed.GUANMO_ADMIN_EMAIL,
    adminPassword: parsed.GUANMO_ADMIN_PASSWORD,
    sessionDays: parsed.GUANMO_SESSION_DAYS,
    secureCookies: parsed.GUANMO_SECURE_COOKIES
      ? parsed.GUANMO_SECURE_COOKIES === 'true'
      : publicUrl.startsWith('https://'),
    trustProxy: parsed.GUANMO_TRUST_PROXY === 'true',
    logLevel: parsed.LOG_LEVEL,
    webDist: path.resolve('dist/web'),
  };
}
