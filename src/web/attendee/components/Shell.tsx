import type { ReactNode } from 'react';
import { changeLanguage, useTranslation } from '../i18n.js';

/** The blue header (event theme, date) with a language switch, and the page column under it. */
export function Shell({
  title,
  meta,
  back,
  children,
}: {
  title: string;
  meta?: ReactNode;
  back?: { href: string; label: string };
  children: ReactNode;
}) {
  const { t, lang } = useTranslation();
  const other = lang === 'zh-CN' ? 'en-US' : 'zh-CN';
  return (
    <>
      <header className="top">
        <div className="top-inner">
          <div className="top-bar">
            {back ? <a href={back.href}>‹ {back.label}</a> : <span>{t('attendee.brand')}</span>}
            <button
              type="button"
              className="lang"
              data-testid="attendee-lang"
              onClick={() => void changeLanguage(other)}
            >
              {other === 'en-US' ? 'English' : '中文'}
            </button>
          </div>
          <h1>{title}</h1>
          {meta ? <p className="meta">{meta}</p> : null}
        </div>
      </header>
      <main className="page">{children}</main>
    </>
  );
}
