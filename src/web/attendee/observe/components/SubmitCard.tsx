import { useTranslation } from '../../i18n.js';
import { useObserve } from '../context.js';

/** 提交: opens the whole shared view; the attendee can still change everything afterwards. */
export function SubmitCard() {
  const { t } = useTranslation();
  const { store, view, card } = useObserve();
  return (
    <section className="card">
      {view.submitted ? (
        <p className="muted" data-testid="submitted">
          {t('attendee.observe.submitted')}
        </p>
      ) : (
        <>
          <p className="muted">{t('attendee.observe.submitHint')}</p>
          <button
            type="button"
            className="btn primary block"
            disabled={card.event.readOnly}
            onClick={() => void store.submit()}
          >
            {t('attendee.observe.submit')}
          </button>
        </>
      )}
    </section>
  );
}
