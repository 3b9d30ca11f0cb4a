/**
 * The one error type of Guanmo. `code` is stable (clients and tests match on it) and is also the
 * i18n key under `errors.` for the translated detail; `params` fill its placeholders.
 */
export class AppError extends Error {
  constructor(
    readonly code: string,
    readonly status: number,
    readonly params: Record<string, string | number> = {},
    readonly fieldErrors?: { path: string; key: string; params?: Record<string, string | number> }[],
  ) {
    super(code);
    this.name = 'AppError';
  }
}

export const unauthenticated = () => new AppError('auth.required', 401);
export const forbidden = () => new AppError('access.denied', 403);
export const notFound = (entity: string) => new AppError('not_found', 404, { entity });
export const conflict = (code: string, params?: Record<string, string | number>) =>
  new AppError(code, 409, params);
export const invalid = (code: string, params?: Record<string, string | number>) =>
  new AppError(code, 400, params);
