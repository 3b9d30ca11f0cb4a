import { useTranslation } from '../i18n.js';

/**
 * 个人信息处理说明 (PIPL): what is collected, why, who sees it, how long, and the person's rights.
 * The checkbox starts unticked; registering needs it ticked. The text's version is sent along.
 */
export function ConsentBlock({
  retentionDays,
  checked,
  onChange,
  error,
}: {
  retentionDays: number;
  checked: boolean;
  onChange: (checked: boolean) => void;
  error?: string;
}) {
  const { t } = useTranslation();
  const items = ['what', 'why', 'who', 'howLong', 'rights'] as const;
  return (
    <section
      className={`consent field${error ? ' has-error' : ''}`}
      data-field="consent"
      aria-labelledby="consent-title"
    >
      <h3 id="consent-title">{t('attendee.consent.title')}</h3>
      <dl>
        {items.map((item) => (
          <div key={item}>
            <dt>{t(`attendee.consent.${item}.label`)}</dt>
            <dd>{t(`attendee.consent.${item}.text`, { days: retentionDays })}</dd>
          </div>
        ))}
      </dl>
      <label className="check">
        <input
          id="consent"
          type="checkbox"
          checked={checked}
          aria-describedby={error ? 'consent-error' : undefined}
          onChange={(e) => onChange(e.target.checked)}
        />
        <span>{t('attendee.consent.agree')}</span>
      </label>
      {error ? (
        <div className="error" role="alert" id="consent-error">
          {error.startsWith('attendee.') ? t(error) : error}
        </div>
      ) : null}
    </section>
  );
}
