/**
 * Form fields with their label, hint and error tied to the control
 * (`aria-describedby`, `aria-invalid`), so that a screen reader reads the
 * problem with the field and the error sits beside it on screen.
 */
import { type ReactNode, type SelectHTMLAttributes, useId } from 'react';

interface Base {
  label: ReactNode;
  error?: string;
  hint?: ReactNode;
  required?: boolean;
  className?: string;
}

function describedBy(id: string, hint: unknown, error: unknown): string | undefined {
  const ids = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean);
  return ids.length ? ids.join(' ') : undefined;
}

function Label({ id, label, required }: { id: string; label: ReactNode; required?: boolean }) {
  return (
    <label htmlFor={id}>
      {label}
      {required ? <span className="required"> (required)</span> : null}
    </label>
  );
}

function HintAndError({ id, hint, error }: { id: string; hint?: ReactNode; error?: string }) {
  return (
    <>
      {hint ? (
        <p className="hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      {error ? (
        <p className="field-error" id={`${id}-error`}>
          {error}
        </p>
      ) : null}
    </>
  );
}

type TextFieldProps = Base & {
  name: string;
  value: string;
  onChange(value: string): void;
  type?: 'text' | 'email' | 'tel' | 'date' | 'datetime-local' | 'month' | 'number' | 'search' | 'url' | 'time';
  autoComplete?: string;
  inputMode?: 'text' | 'numeric' | 'decimal' | 'tel' | 'email' | 'search' | 'url';
  min?: string;
  max?: string;
  step?: string;
  placeholder?: string;
  maxLength?: number;
};

export function TextField({ label, error, hint, required, className, name, value, onChange, type = 'text', ...rest }: TextFieldProps) {
  const id = `${useId()}-${name}`;
  return (
    <div className={`field ${className ?? ''}`}>
      <Label id={id} label={label} required={required} />
      <input
        id={id}
        name={name}
        type={type}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
        aria-required={required || undefined}
        {...rest}
      />
      <HintAndError id={id} hint={hint} error={error} />
    </div>
  );
}

type TextAreaProps = Base & { name: string; value: string; onChange(value: string): void; rows?: number; maxLength?: number };

export function TextArea({ label, error, hint, required, className, name, value, onChange, rows = 4, maxLength }: TextAreaProps) {
  const id = `${useId()}-${name}`;
  return (
    <div className={`field ${className ?? ''}`}>
      <Label id={id} label={label} required={required} />
      <textarea
        id={id}
        name={name}
        value={value}
        rows={rows}
        maxLength={maxLength}
        onChange={(e) => onChange(e.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
        aria-required={required || undefined}
      />
      <HintAndError id={id} hint={hint} error={error} />
    </div>
  );
}

type SelectFieldProps = Base & {
  name: string;
  value: string;
  onChange(value: string): void;
  options: Array<{ value: string; label: string }>;
  placeholder?: string;
} & Pick<SelectHTMLAttributes<HTMLSelectElement>, 'disabled'>;

export function SelectField({
  label,
  error,
  hint,
  required,
  className,
  name,
  value,
  onChange,
  options,
  placeholder,
  disabled,
}: SelectFieldProps) {
  const id = `${useId()}-${name}`;
  return (
    <div className={`field ${className ?? ''}`}>
      <Label id={id} label={label} required={required} />
      <select
        id={id}
        name={name}
        value={value}
        disabled={disabled}
        onChange={(e) => onChange(e.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
        aria-required={required || undefined}
      >
        {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      <HintAndError id={id} hint={hint} error={error} />
    </div>
  );
}

export function CheckboxField({
  label,
  error,
  hint,
  className,
  name,
  checked,
  onChange,
}: Base & { name: string; checked: boolean; onChange(checked: boolean): void }) {
  const id = `${useId()}-${name}`;
  return (
    <div className={`field checkbox ${className ?? ''}`}>
      <input
        id={id}
        name={name}
        type="checkbox"
        checked={checked}
        onChange={(e) => onChange(e.target.checked)}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
      />
      <label htmlFor={id}>{label}</label>
      <HintAndError id={id} hint={hint} error={error} />
    </div>
  );
}

/** Several choices under one question, as a fieldset with a legend. */
export function ChoiceGroup<T extends string>({
  legend,
  name,
  type,
  options,
  value,
  onChange,
  error,
  hint,
  required,
  inline,
}: {
  legend: ReactNode;
  name: string;
  type: 'radio' | 'checkbox';
  options: Array<{ value: T; label: string }>;
  value: T[];
  onChange(value: T[]): void;
  error?: string;
  hint?: ReactNode;
  required?: boolean;
  inline?: boolean;
}) {
  const id = `${useId()}-${name}`;
  const toggle = (v: T, on: boolean) => {
    if (type === 'radio') onChange([v]);
    else onChange(on ? [...value, v] : value.filter((x) => x !== v));
  };
  return (
    <fieldset
      className={`field choices ${inline ? 'inline' : ''}`}
      aria-describedby={describedBy(id, hint, error)}
      data-invalid={error ? true : undefined}
    >
      <legend>
        {legend}
        {required ? <span className="required"> (required)</span> : null}
      </legend>
      <HintAndError id={id} hint={hint} />
      <div className="choice-list">
        {options.map((o) => (
          <label key={o.value} className="choice">
            <input
              type={type}
              name={id}
              value={o.value}
              checked={value.includes(o.value)}
              onChange={(e) => toggle(o.value, e.target.checked)}
            />
            {o.label}
          </label>
        ))}
      </div>
      <HintAndError id={id} error={error} />
    </fieldset>
  );
}

/** Problems of the form as a whole (and a count of field problems), announced when they appear. */
export function FormProblems({ message, fieldCount }: { message?: string | null; fieldCount?: number }) {
  if (!message && !fieldCount) return null;
  return (
    <div className="notice error" role="alert">
      {message ? <p>{message}</p> : null}
      {fieldCount ? <p>{fieldCount === 1 ? 'One field needs attention.' : `${fieldCount} fields need attention.`}</p> : null}
    </div>
  );
}

/** Puts the keyboard on the first field marked invalid in the form. */
export function focusFirstInvalid(form: HTMLFormElement | null): void {
  const target = form?.querySelector<HTMLElement>('[aria-invalid="true"], [data-invalid="true"]');
  if (target instanceof HTMLFieldSetElement) target.querySelector<HTMLElement>('input, select, textarea')?.focus();
  else target?.focus();
}

export function SubmitButton({ busy, children, busyLabel }: { busy: boolean; children: ReactNode; busyLabel?: string }) {
  return (
    <button type="submit" className="button primary" disabled={busy} aria-disabled={busy || undefined}>
      {busy ? (busyLabel ?? 'Saving…') : children}
    </button>
  );
}
