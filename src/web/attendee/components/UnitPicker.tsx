import { useEffect, useState } from 'react';
import { api } from '../../app/api.js';
import { useTranslation } from '../i18n.js';

export type UnitChoice = { id: string | null; name: string };

/**
 * 会员单位: type part of the name, pick from the association's member list. When the event is
 * open to non-members, the typed name can be used as it is.
 */
export function UnitPicker({
  slug,
  inputId,
  allowNonMembers,
  value,
  onChange,
  invalid,
}: {
  slug: string;
  inputId: string;
  allowNonMembers: boolean;
  value: UnitChoice | null;
  onChange: (value: UnitChoice | null) => void;
  invalid: boolean;
}) {
  const { t } = useTranslation();
  const [query, setQuery] = useState('');
  const [open, setOpen] = useState(false);
  const [options, setOptions] = useState<{ id: string; name: string }[]>([]);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    if (!open) return;
    let live = true;
    const timer = setTimeout(() => {
      api
        .get<{ id: string; name: string }[]>(`/public/events/${encodeURIComponent(slug)}/member-units`, {
          q: query.trim(),
        })
        .then((list) => {
          if (!live) return;
          setOptions(list);
          setFailed(false);
        })
        .catch(() => live && setFailed(true));
    }, 250);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [open, query, slug]);

  if (value) {
    return (
      <div className="picked" data-testid="unit-picked">
        <span>
          {value.name}
          {value.id ? null : <span className="muted"> · {t('attendee.register.nonMember')}</span>}
        </span>
        <button
          type="button"
          className="btn btn-small"
          onClick={() => {
            onChange(null);
            setQuery(value.name);
            setOpen(true);
          }}
        >
          {t('attendee.register.changeUnit')}
        </button>
      </div>
    );
  }
  const typed = query.trim();
  return (
    <div className="picker">
      <input
        id={inputId}
        className="input"
        type="search"
        aria-controls={`${inputId}-list`}
        aria-invalid={invalid || undefined}
        autoComplete="organization"
        placeholder={t('attendee.register.unitPlaceholder')}
        value={query}
        onFocus={() => setOpen(true)}
        onChange={(e) => {
          setQuery(e.target.value);
          setOpen(true);
        }}
      />
      {open ? (
        <ul className="options" id={`${inputId}-list`} aria-label={t('attendee.register.unit')}>
          {options.map((o) => (
            <li key={o.id}>
              <button
                type="button"
                onClick={() => {
                  onChange(o);
                  setOpen(false);
                }}
              >
                {o.name}
              </button>
            </li>
          ))}
          {allowNonMembers && typed ? (
            <li>
              <button
                type="button"
                data-testid="unit-free-text"
                onClick={() => {
                  onChange({ id: null, name: typed });
                  setOpen(false);
                }}
              >
                {t('attendee.register.useTyped', { name: typed })}
              </button>
            </li>
          ) : null}
          {!options.length && !(allowNonMembers && typed) ? (
            <li className="muted" style={{ padding: '8px 12px' }}>
              {failed ? t('attendee.errors.network') : t('attendee.register.noUnit')}
            </li>
          ) : null}
        </ul>
      ) : null}
    </div>
  );
}
