/**
 * Sending a form: check it first (nothing leaves with a known problem), then
 * send; the server's field errors (`extensions.field`) go beside their fields,
 * anything else above the form; the keyboard goes to the first problem.
 */
import { type FormEvent, useCallback, useState } from 'react';
import { type CombinedErrorLike, formFieldErrors, messageOf } from '../api/errors';
import { focusFirstInvalid } from './fields';

export interface SubmitOptions<R> {
  /** The form's field names, as the server names them after `strip` (default: without `input.`). */
  fields: readonly string[] | ((name: string) => boolean);
  validate(): Record<string, string | undefined>;
  send(): Promise<{ error?: CombinedErrorLike; data?: R }>;
  onSuccess?(data: R | undefined): void;
  strip?: RegExp;
}

export function useFormSubmit<R>(options: SubmitOptions<R>) {
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = useCallback(
    (event: FormEvent<HTMLFormElement>) => {
      event.preventDefault();
      const form = event.currentTarget;
      const found = Object.fromEntries(Object.entries(options.validate()).filter(([, v]) => Boolean(v))) as Record<string, string>;
      setErrors(found);
      setFormError(null);
      if (Object.keys(found).length) {
        requestAnimationFrame(() => focusFirstInvalid(form));
        return;
      }
      setBusy(true);
      void options.send().then(
        (result) => {
          setBusy(false);
          if (result.error) {
            const byField = formFieldErrors(result.error, options.fields, options.strip);
            const { _form, ...fieldOnly } = byField;
            setErrors(fieldOnly);
            setFormError(Object.keys(fieldOnly).length ? (_form ?? null) : (_form ?? messageOf(result.error)));
            requestAnimationFrame(() => focusFirstInvalid(form));
            return;
          }
          options.onSuccess?.(result.data);
        },
        (error: unknown) => {
          setBusy(false);
          setFormError(error instanceof Error ? error.message : 'Something went wrong. Try again.');
        },
      );
    },
    [options],
  );

  return { errors, formError, busy, submit, fieldCount: Object.keys(errors).length, setErrors };
}

/** Lets a change clear its field's error as the person fixes it. */
export function without(errors: Record<string, string>, key: string): Record<string, string> {
  if (!(key in errors)) return errors;
  const { [key]: _removed, ...rest } = errors;
  return rest;
}
