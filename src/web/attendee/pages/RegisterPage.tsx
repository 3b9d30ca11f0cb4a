import { type FormEvent, useEffect, useState } from 'react';
import type { PublicEvent } from '../../../contract/documents.js';
import type { RegisterInput, RegistrationForm } from '../../../contract/registrations.js';
import { ApiError } from '../../app/api.js';
import { getForm, getPublicEvent, PASSES_KEY, registerFor, resendPass } from '../api.js';
import { ConsentBlock } from '../components/ConsentBlock.js';
import { CustomFieldInput } from '../components/CustomFieldInput.js';
import { FieldRow } from '../components/FieldRow.js';
import { Shell } from '../components/Shell.js';
import { type UnitChoice, UnitPicker } from '../components/UnitPicker.js';
import {
  type Answers,
  answersToSend,
  EMAIL_RE,
  type FieldErrors,
  MOBILE_RE,
  missingAnswers,
  serverFieldErrors,
  visibleFields,
} from '../form-logic.js';
import { formatDateTime, formatDay, store } from '../format.js';
import { useTranslation } from '../i18n.js';
import { navigate } from '../router.js';

type Values = {
  name: string;
  unit: UnitChoice | null;
  position: string;
  mobile: string;
  email: string;
  focus: string[];
  questions: string;
  answers: Answers;
  siteId: string | null;
  consent: boolean;
};

const EMPTY: Values = {
  name: '',
  unit: null,
  position: '',
  mobile: '',
  email: '',
  focus: [],
  questions: '',
  answers: {},
  siteId: null,
  consent: false,
};

function checkLocally(form: RegistrationForm, v: Values): FieldErrors {
  const errors: FieldErrors = {};
  if (form.sites.length > 1 && !v.siteId) errors.eventSiteId = 'attendee.errors.site';
  if (!v.name.trim()) errors.name = 'attendee.errors.required';
  if (!v.unit) errors.memberUnitId = 'attendee.errors.unit';
  if (!v.position.trim()) errors.position = 'attendee.errors.required';
  if (!MOBILE_RE.test(v.mobile.trim())) errors.mobile = 'attendee.errors.mobile';
  if (v.email.trim() && !EMAIL_RE.test(v.email.trim())) errors.email = 'attendee.errors.email';
  Object.assign(errors, missingAnswers(form.fields, v.answers));
  if (!v.consent) errors.consent = 'attendee.errors.consent';
  return errors;
}

/** Moves focus to the first field with an error, so a phone user sees what to fix. */
function focusFirstError() {
  requestAnimationFrame(() => {
    const box = document.querySelector('.has-error');
    box?.scrollIntoView({ block: 'center' });
    box?.querySelector<HTMLElement>('input, textarea, select, button')?.focus({ preventScroll: true });
  });
}

/** 报名: the public registration page of one event, phone first. */
export function RegisterPage({ slug }: { slug: string }) {
  const { t } = useTranslation();
  const [form, setForm] = useState<RegistrationForm | null>(null);
  const [event, setEvent] = useState<PublicEvent | null>(null);
  const [loadError, setLoadError] = useState<ApiError | null>(null);
  const [values, setValues] = useState<Values>(EMPTY);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [alert, setAlert] = useState<string | null>(null);
  const [duplicate, setDuplicate] = useState<string | null>(null);
  const [resent, setResent] = useState(false);
  const [busy, setBusy] = useState(false);
  const earlier = store.get<Record<string, string>>(PASSES_KEY)?.[slug];

  useEffect(() => {
    getForm(slug)
      .then((f) => {
        setForm(f);
        if (f.sites.length === 1) setValues((v) => ({ ...v, siteId: f.sites[0].eventSiteId }));
      })
      .catch((e: unknown) => setLoadError(e instanceof ApiError ? e : new ApiError(0, {})));
    getPublicEvent(slug)
      .then(setEvent)
      .catch(() => undefined);
  }, [slug]);

  const set = <K extends keyof Values>(key: K, value: Values[K], errorKey: string = key) => {
    setValues((v) => ({ ...v, [key]: value }));
    if (errors[errorKey]) setErrors(({ [errorKey]: _gone, ...rest }) => rest);
  };

  if (loadError) {
    return (
      <Shell title={t('attendee.register.title')}>
        <div className="alert error-box" role="alert">
          {loadError.status === 404
            ? t('attendee.register.notFound')
            : loadError.status
              ? loadError.detail
              : t('attendee.errors.network')}
        </div>
      </Shell>
    );
  }
  if (!form) return <p className="loading">{t('attendee.loading')}</p>;

  const meta = [
    event ? `${event.dateText}${event.timeSpan ? ` ${event.timeSpan}` : ''}` : formatDay(form.eventDate),
    event?.associationName,
  ]
    .filter(Boolean)
    .join(' · ');
  const shown = visibleFields(form.fields, values.answers);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!form) return;
    setAlert(null);
    setDuplicate(null);
    const local = checkLocally(form, values);
    setErrors(local);
    if (Object.keys(local).length) return focusFirstError();
    const input: RegisterInput = {
      name: values.name.trim(),
      position: values.position.trim(),
      mobile: values.mobile.trim(),
      email: values.email.trim() || null,
      focusDimensionIds: values.focus,
      questions: values.questions.trim() || null,
      answers: answersToSend(form.fields, values.answers),
      memberUnitId: values.unit?.id ?? null,
      unitName: values.unit && !values.unit.id ? values.unit.name : null,
      eventSiteId: values.siteId,
      consent: true,
      consentVersion: form.consentVersion,
    };
    setBusy(true);
    try {
      const result = await registerFor(slug, input);
      store.set(PASSES_KEY, {
        ...(store.get<Record<string, string>>(PASSES_KEY) ?? {}),
        [slug]: result.passToken,
      });
      navigate(`/p/${encodeURIComponent(result.passToken)}`);
    } catch (error) {
      if (!(error instanceof ApiError)) {
        setAlert(t('attendee.errors.network'));
      } else if (error.code === 'registration.duplicate') {
        setDuplicate(error.detail);
        setResent(false);
      } else if (error.errors.length) {
        const server = serverFieldErrors(error.errors);
        setErrors(server);
        const known = [
          'name',
          'position',
          'mobile',
          'email',
          'memberUnitId',
          'unitName',
          'eventSiteId',
          'consent',
          'questions',
          'focusDimensionIds',
        ];
        const unplaced = Object.entries(server).filter(
          ([k]) => !known.includes(k) && !k.startsWith('answers.'),
        );
        if (unplaced.length) setAlert(unplaced.map(([, m]) => m).join('；'));
        focusFirstError();
      } else {
        setAlert(error.detail);
      }
    } finally {
      setBusy(false);
    }
  }

  async function resend() {
    setBusy(true);
    try {
      await resendPass(slug, values.mobile.trim());
      setResent(true);
    } catch (error) {
      setAlert(error instanceof ApiError ? error.detail : t('attendee.errors.network'));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Shell
      title={form.theme}
      meta={meta}
      back={{ href: `/e/${encodeURIComponent(slug)}`, label: t('attendee.register.eventPage') }}
    >
      {earlier ? (
        <div className="alert info">
          {t('attendee.register.already')}{' '}
          <a href={`/p/${encodeURIComponent(earlier)}`}>{t('attendee.register.openPass')}</a>
        </div>
      ) : null}
      {!form.open ? (
        <div className="alert error-box" role="alert" data-testid="register-closed">
          {t(`attendee.register.closed.${form.closedReason ?? 'closed'}`)}
        </div>
      ) : (
        <form noValidate onSubmit={submit} aria-label={t('attendee.register.title')}>
          <section className="card">
            <h2>{t('attendee.register.title')}</h2>
            <p className="muted" style={{ marginTop: 0 }}>
              {t('attendee.register.deadline', { time: formatDateTime(form.registrationDeadline) })}
              {' · '}
              {form.remaining > 0
                ? t('attendee.register.remaining', { n: form.remaining })
                : t('attendee.register.fullWaitlist')}
            </p>
            <FieldRow
              id="eventSiteId"
              label={t('attendee.register.site')}
              required={form.sites.length > 1}
              error={errors.eventSiteId}
              group
            >
              <div className="sites">
                {form.sites.map((site) => {
                  const on = values.siteId === site.eventSiteId;
                  return (
                    <label key={site.eventSiteId} className={`site${on ? ' on' : ''}`}>
                      <input
                        type="radio"
                        name="site"
                        checked={on}
                        onChange={() => set('siteId', site.eventSiteId, 'eventSiteId')}
                      />
                      <span>
                        <b>{site.siteName}</b>
                        <span className={`seats${site.remaining > 0 ? '' : ' full'}`}>
                          {site.remaining > 0
                            ? t('attendee.register.siteRemaining', {
                                n: site.remaining,
                                capacity: site.capacity,
                              })
                            : t('attendee.register.siteFull')}
                        </span>
                      </span>
                    </label>
                  );
                })}
              </div>
            </FieldRow>
            <FieldRow id="name" label={t('attendee.register.name')} required error={errors.name}>
              <input
                id="name"
                className="input"
                autoComplete="name"
                maxLength={50}
                value={values.name}
                onChange={(e) => set('name', e.target.value)}
              />
            </FieldRow>
            <FieldRow
              id="memberUnitId"
              label={t('attendee.register.unit')}
              required
              error={errors.memberUnitId ?? errors.unitName}
              hint={
                form.settings.allowNonMembers
                  ? t('attendee.register.unitHintOpen')
                  : t('attendee.register.unitHint')
              }
            >
              <UnitPicker
                slug={slug}
                inputId="memberUnitId"
                allowNonMembers={form.settings.allowNonMembers}
                value={values.unit}
                invalid={!!errors.memberUnitId}
                onChange={(unit) => set('unit', unit, 'memberUnitId')}
              />
            </FieldRow>
            <FieldRow id="position" label={t('attendee.register.position')} required error={errors.position}>
              <input
                id="position"
                className="input"
                autoComplete="organization-title"
                maxLength={50}
                placeholder={t('attendee.register.positionPlaceholder')}
                value={values.position}
                onChange={(e) => set('position', e.target.value)}
              />
            </FieldRow>
            <FieldRow id="mobile" label={t('attendee.register.mobile')} required error={errors.mobile}>
              <input
                id="mobile"
                className="input"
                type="tel"
                inputMode="numeric"
                autoComplete="tel-national"
                maxLength={11}
                value={values.mobile}
                onChange={(e) => set('mobile', e.target.value.replace(/\D/g, ''))}
              />
            </FieldRow>
            <FieldRow
              id="email"
              label={t('attendee.register.email')}
              error={errors.email}
              hint={t('attendee.register.emailHint')}
            >
              <input
                id="email"
                className="input"
                type="email"
                autoComplete="email"
                maxLength={254}
                value={values.email}
                onChange={(e) => set('email', e.target.value)}
              />
            </FieldRow>
          </section>

          {form.dimensions.length || shown.length ? (
            <section className="card">
              <h2>{t('attendee.register.more')}</h2>
              {form.dimensions.length ? (
                <FieldRow
                  id="focusDimensionIds"
                  label={t('attendee.register.focus')}
                  error={errors.focusDimensionIds}
                  hint={t('attendee.register.focusHint')}
                  group
                >
                  <div className="choices">
                    {form.dimensions.map((d) => {
                      const on = values.focus.includes(d.id);
                      return (
                        <label key={d.id} className={`choice${on ? ' on' : ''}`}>
                          <input
                            type="checkbox"
                            checked={on}
                            onChange={() =>
                              set(
                                'focus',
                                on ? values.focus.filter((x) => x !== d.id) : [...values.focus, d.id],
                                'focusDimensionIds',
                              )
                            }
                          />
                          {d.name}
                        </label>
                      );
                    })}
                  </div>
                </FieldRow>
              ) : null}
              {shown.map((field) => (
                <CustomFieldInput
                  key={field.id}
                  field={field}
                  value={values.answers[field.id]}
                  error={errors[`answers.${field.id}`]}
                  onChange={(value) =>
                    set('answers', { ...values.answers, [field.id]: value }, `answers.${field.id}`)
                  }
                />
              ))}
            </section>
          ) : null}

          <section className="card">
            <FieldRow
              id="questions"
              label={t('attendee.register.questions')}
              error={errors.questions}
              hint={t('attendee.register.questionsHint')}
            >
              <textarea
                id="questions"
                className="input"
                maxLength={1000}
                value={values.questions}
                onChange={(e) => set('questions', e.target.value)}
              />
            </FieldRow>
            <ConsentBlock
              retentionDays={form.settings.retentionDays}
              checked={values.consent}
              error={errors.consent}
              onChange={(checked) => set('consent', checked)}
            />
          </section>

          {alert ? (
            <div className="alert error-box" role="alert">
              {alert}
            </div>
          ) : null}
          {duplicate ? (
            <div className="alert error-box" role="alert" data-testid="register-duplicate">
              <p style={{ margin: '0 0 8px' }}>{duplicate}</p>
              {resent ? (
                <p className="muted" style={{ margin: 0 }} data-testid="resend-done">
                  {t('attendee.register.resent')}
                </p>
              ) : (
                <button type="button" className="btn" onClick={resend} disabled={busy}>
                  {t('attendee.register.resend')}
                </button>
              )}
            </div>
          ) : null}
          <button type="submit" className="btn primary block" disabled={busy} data-testid="register-submit">
            {busy ? t('attendee.register.submitting') : t('attendee.register.submit')}
          </button>
        </form>
      )}
    </Shell>
  );
}
