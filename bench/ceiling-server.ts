/**
 * The ceiling for the list benchmark: a bare Fastify server (no database, no session, no
 * validation, no logging) answering GET /api/v1/member-units with pages captured from Guanmo and
 * held in memory. Started like the real server: `node --import tsx bench/ceiling-server.ts`.
 */
import { readFileSync } from 'node:fs';
import Fastify from 'fastify';

const port = Number(process.env.PORT ?? 3999);
const pagesFile = process.env.BENCH_PAGES_FILE;
const pages: unknown[] = pagesFile ? JSON.parse(readFileSync(pagesFile, 'utf8')) : [{ items: [], total: 0 }];

const app = Fastify({ logger: false });
app.get('/readyz', async () => ({ status: 'ok' }));
app.get<{ Querystring: { page?: string } }>('/api/v1/member-units', async (request) => {
  const page = Math.max(1, Number(request.query.page) || 1);
  return pages[(page - 1) % pages.length];
});

await app.listen({ port, host: '127.0.0.1' });
const stop = async () => {
  await app.close();
  process.exit(0);
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
