import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Lang, Problem } from '../../contract/common.js';
import { AppError } from './errors.js';
import { hasKey, t } from './i18n.js';

const zodLocales = { 'zh-CN': z.locales.zhCN(), 'en-US': z.locales.en() };

type ValidationItem = {
  instancePath: string;
  keyword: string;
  message?: string;
  params: Record<string, unknown>;
};

function translateIssue(lang: Lang, item: ValidationItem): string {
  const message = item.message ?? '';
  if (/^validation\.[a-z_]+$/.test(message) && hasKey(lang, message)) return t(lang, message);
  const localized = zodLocales[lang].localeError({ code: item.keyword, ...item.params } as never);
  const text = typeof localized === 'string' ? localized : localized?.message;
  return text ?? message;
}

function send(reply: FastifyReply, problem: Problem) {
  return reply.status(problem.status).type('application/problem+json').send(problem);
}

/** Turns any error into problem+json in the caller's language. Only real bugs become 500. */
export function handleError(error: FastifyError | Error, request: FastifyRequest, reply: FastifyReply) {
  const lang = request.ctx?.lang ?? 'zh-CN';
  const requestId = request.id;

  if (error instanceof AppError) {
    return send(reply, {
      type: `https://guanmo.dev/problems/${error.code}`,
      title: t(lang, `errors.${error.code}`, error.params),
      status: error.status,
      code: error.code,
      detail: t(lang, `errors.${error.code}`, error.params),
      errors: error.fieldErrors?.map((f) => ({ path: f.path, message: t(lang, f.key, f.params) })),
      requestId,
    });
  }

  if (hasZodFastifySchemaValidationErrors(error)) {
    const part = (error as { validationContext?: string }).validationContext ?? 'body';
    const errors = error.validation.map((item) => ({
      path: `${part}${item.instancePath.replaceAll('/', '.').replace(/\.$/, '')}`,
      message: translateIssue(lang, item as unknown as ValidationItem),
    }));
    return send(reply, {
      type: 'https://guanmo.dev/problems/validation.failed',
      title: t(lang, 'errors.validation.failed'),
      status: 400,
      code: 'validation.failed',
      detail:
        `${t(lang, 'errors.validation.failed')}: ${errors.map((e) => `${e.path} ${e.message}`).join('; ')}`.slice(
          0,
          2000,
        ),
      errors,
      requestId,
    });
  }

  const status = (error as FastifyError).statusCode;
  if (status && status >= 400 && status < 500) {
    const code = requestErrorCode(error as FastifyError);
    return send(reply, {
      type: `https://guanmo.dev/problems/${code}`,
      title: t(lang, `errors.${code}`),
      status,
      code,
      detail: t(lang, `errors.${code}`),
      requestId,
    });
  }

  request.log.error({ err: error, requestId }, 'unhandled error');
  return send(reply, {
    type: 'https://guanmo.dev/problems/internal',
    title: t(lang, 'errors.internal', { requestId }),
    status: 500,
    code: 'internal',
    detail: t(lang, 'errors.internal', { requestId }),
    requestId,
  });
}

/** Maps Fastify's own 4xx errors (bad JSON, too large, wrong content type …) to our codes. */
function requestErrorCode(error: FastifyError): string {
  switch (error.code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return 'request.invalid_json';
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
    case 'FST_REQ_FILE_TOO_LARGE':
    case 'FST_PARTS_LIMIT':
    case 'FST_FILES_LIMIT':
      return 'request.too_large';
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
    case 'FST_INVALID_MULTIPART_CONTENT_TYPE':
      return 'request.unsupported_media_type';
    default:
      if (error.statusCode === 404) return 'route.not_found';
      if (error.statusCode === 413) return 'request.too_large';
      if (error.statusCode === 415) return 'request.unsupported_media_type';
      return 'request.invalid';
  }
}
