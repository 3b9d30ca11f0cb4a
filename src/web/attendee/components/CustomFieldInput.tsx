import type { Field } from '../../../contract/registrations.js';
import { useTranslation } from '../i18n.js';
import { FieldRow } from './FieldRow.js';

/** One custom registration field (text, number, single/multiple choice, date, yes/no). */
export function CustomFieldInput({
  field,
  value,
  error,
  onChange,
}: {
  field: Field;
  value: unknown;
  error?: string;
  onChange: (value: unknown) => void;
}) {
  const { t } = useTranslation();
  const id = `f-${field.id}`;
  const describedBy = error ? `${id}-error` : undefined;
  const group = field.type === 'single_choice' || field.type === 'multiple_choice' || field.type === 'yes_no';
  let control: React.ReactNode;
  switch (field.type) {
    case 'text':
      control = (
        <input
          id={id}
          className="input"
          maxLength={2000}
          value={typeof value === 'string' ? value : ''}
          aria-describedby={describedBy}
          onChange={(e) => onChange(e.target.value)}
        />
      );
      break;
    case 'number':
      control = (
        <input
          id={id}
          className="input"
          type="number"
          inputMode="decimal"
          value={typeof value === 'number' ? value : ''}
          aria-describedby={describedBy}
          onChange={(e) => onChange(e.target.value === '' ? null : Number(e.target.value))}
        />
      );
      break;
    case 'date':
      control = (
        <input
          id={id}
          className="input"
          type="date"
          value={typeof value === 'string' ? value : ''}
          aria-describedby={describedBy}
          onChange={(e) => onChange(e.target.value)}
        />
      );
      break;
    case 'yes_no':
      control = (
        <div className="choices">
          {[true, false].map((answer) => (
            <label key={String(answer)} className={`choice${value === answer ? ' on' : ''}`}>
              <input type="radio" name={id} checked={value === answer} onChange={() => onChange(answer)} />
              {answer ? t('attendee.yes') : t('attendee.no')}
            </label>
          ))}
        </div>
      );
      break;
    case 'single_choice':
      control = (
        <div className="choices">
          {field.options.map((option) => (
            <label key={option} className={`choice${value === option ? ' on' : ''}`}>
              <input type="radio" name={id} checked={value === option} onChange={() => onChange(option)} />
              {option}
            </label>
          ))}
        </div>
      );
      break;
    case 'multiple_choice': {
      const picked = Array.isArray(value) ? (value as string[]) : [];
      control = (
        <div className="choices">
          {field.options.map((option) => {
            const on = picked.includes(option);
            return (
              <label key={option} className={`choice${on ? ' on' : ''}`}>
                <input
                  type="checkbox"
                  checked={on}
                  onChange={() => onChange(on ? picked.filter((p) => p !== option) : [...picked, option])}
                />
                {option}
              </label>
            );
          })}
        </div>
      );
      break;
    }
  }
  return (
    <FieldRow id={id} label={field.label} required={field.required} error={error} group={group}>
      {control}
    </FieldRow>
  );
}
