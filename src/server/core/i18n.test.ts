import { describe, expect, it } from 'vitest';
import { authorize } from './access.js';
import type { Ctx } from './context.js';
import { forbidden } from './errors.js';
import { hasKey, pickLang, t } from './i18n.js';

describe('pickLang', () => {
  it('prefers a valid language cookie', () => {
    expect(pickLang('en-US', 'zh-CN')).toBe('en-US');
    expect(pickLang('zh-CN', 'en-US')).toBe('zh-CN');
  });

  it('falls back to the first Accept-Language entry, then Chinese', () => {
    expect(pickLang(undefined, 'en-GB,en;q=0.9')).toBe('en-US');
    expect(pickLang(undefined, 'zh-TW,en;q=0.9')).toBe('zh-CN');
    expect(pickLang('fr-FR', undefined)).toBe('zh-CN');
    expect(pickLang(undefined, '')).toBe('zh-CN');
  });
});

describe('t', () => {
  it('fills placeholders', () => {
    expect(t('en-US', 'errors.auth.locked', { minutes: 15 })).toBe(
      'Too many failed sign-ins; the account is locked for 15 minutes',
    );
  });

  it('translates a parameter given as @key', () => {
    expect(t('zh-CN', 'errors.not_found', { entity: '@entities.member_unit' })).toBe('未找到会员单位');
  });

  it('falls back to Chinese, then to the key itself', () => {
    expect(t('en-US', 'no.such.key')).toBe('no.such.key');
    expect(hasKey('zh-CN', 'errors.internal')).toBe(true);
    expect(hasKey('zh-CN', 'errors')).toBe(false);
  });

  it('has an English and a Chinese text for every error code the foundation raises', () => {
    const codes = [
      'auth.required',
      'access.denied',
      'csrf.invalid',
      'validation.failed',
      'request.invalid_json',
      'request.too_large',
      'request.unsupported_media_type',
      'route.not_found',
      'member_units.uscc_taken',
      'member_units.import_file_invalid',
      'member_units.import_file_missing',
      'member_units.import_empty',
      'member_units.import_too_many',
      'member_units.import_missing_columns',
      'users.cannot_disable_self',
      'invites.used',
      'invites.expired',
      'setup.invalid_token',
      'setup.already_done',
    ];
    for (const code of codes) {
      expect(hasKey('zh-CN', `errors.${code}`), code).toBe(true);
      expect(hasKey('en-US', `errors.${code}`), code).toBe(true);
    }
  });
});

describe('authorize', () => {
  const policy = { read: ['admin', 'member'], write: ['admin'] } as const;
  const ctx = (role: 'admin' | 'member' | 'staff' | null) =>
    ({
      actor: role && { userId: 'u', name: 'n', role, memberUnitId: null, siteId: null },
    }) as unknown as Ctx;

  it('is 401 without an actor', () => {
    expect(() => authorize(ctx(null), policy, 'read')).toThrow(expect.objectContaining({ status: 401 }));
  });

  it('is 403 for a role the action does not list', () => {
    expect(() => authorize(ctx('member'), policy, 'write')).toThrow(forbidden());
    expect(() => authorize(ctx('staff'), policy, 'read')).toThrow(expect.objectContaining({ status: 403 }));
  });

  it('returns the actor for a listed role', () => {
    expect(authorize(ctx('admin'), policy, 'write').role).toBe('admin');
  });
});
