/**
 * Uploading a document: kind, title and the file, sent as multipart to
 * `POST /documents` with the bearer token and a progress bar. The size is
 * checked before sending; the type is the server's to decide (from the
 * content), and its refusal (413 too large, 415 not PDF/PNG/JPEG) is shown
 * beside the file.
 */
import { type FormEvent, useRef, useState } from 'react';
import { DOCUMENT_TYPES, MAX_DOCUMENT_BYTES, type UploadRequest, fileProblem, uploadDocument } from '../../../api/documents';
import { useAuth } from '../../../auth/AuthProvider';
import { DocumentKindValues } from '../../../graphql/generated';
import { label } from '../../../lib/labels';
import { formatBytes } from '../../../lib/record';
import { collect, maxLength, required } from '../../../lib/validation';
import { ProgressBar } from '../../../ui/badges';
import { FormProblems, SelectField, SubmitButton, TextField, focusFirstInvalid } from '../../../ui/fields';

const KINDS = DocumentKindValues.map((value) => ({ value, label: label(value) }));

export function UploadForm({
  clientId,
  consentId,
  defaultKind = '',
  defaultTitle = '',
  onDone,
}: {
  clientId: string;
  consentId?: string;
  defaultKind?: string;
  defaultTitle?: string;
  onDone(title: string): void;
}) {
  const { session, expire } = useAuth();
  const [kind, setKind] = useState(consentId ? 'SIGNED_CONSENT' : defaultKind);
  const [title, setTitle] = useState(defaultTitle);
  const [file, setFile] = useState<File | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const busy = progress !== null;

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    const found = collect({
      kind: [kind ? undefined : 'Choose what kind of document it is.'],
      title: [required(title, 'The title'), maxLength(title, 200)],
      file: [fileProblem(file)],
    }) as Record<string, string>;
    setErrors(found);
    setFormError(null);
    if (Object.keys(found).length || !file || !session) {
      requestAnimationFrame(() => focusFirstInvalid(form));
      return;
    }
    setProgress(0);
    void uploadDocument({
      // XMLHttpRequest, for its upload progress events (fetch has none).
      request: new XMLHttpRequest() as unknown as UploadRequest,
      token: session.token,
      fields: { clientId, kind, title, consentId },
      file,
      onProgress: setProgress,
    }).then((answer) => {
      setProgress(null);
      if (answer.ok) {
        onDone(title.trim());
        return;
      }
      if (answer.unauthenticated) expire();
      const known = ['kind', 'title', 'file'];
      if (answer.field && known.includes(answer.field)) setErrors({ [answer.field]: answer.message });
      else setFormError(answer.message);
      requestAnimationFrame(() => focusFirstInvalid(form));
    });
  };

  const fileId = `upload-file-${clientId}-${consentId ?? 'any'}`;
  return (
    <form onSubmit={submit} noValidate className="form" aria-label={consentId ? 'Attach the signed form' : 'Upload a document'}>
      <FormProblems message={formError} fieldCount={Object.keys(errors).length} />
      <div className="form-grid">
        {consentId ? null : (
          <SelectField
            name="kind"
            label="Kind"
            required
            placeholder="Choose…"
            options={KINDS}
            value={kind}
            onChange={setKind}
            error={errors.kind}
          />
        )}
        <TextField name="title" label="Title" required maxLength={200} value={title} onChange={setTitle} error={errors.title} />
      </div>
      <div className="field">
        <label htmlFor={fileId}>
          File<span className="required"> (required)</span>
        </label>
        <input
          id={fileId}
          ref={fileInput}
          name="file"
          type="file"
          accept={DOCUMENT_TYPES}
          aria-required
          aria-invalid={errors.file ? true : undefined}
          aria-describedby={`${fileId}-hint${errors.file ? ` ${fileId}-error` : ''}`}
          onChange={(e) => {
            const chosen = e.target.files?.[0] ?? null;
            setFile(chosen);
            setErrors(({ file: _gone, ...rest }) => rest);
            if (chosen && !title.trim()) setTitle(chosen.name.replace(/\.[^.]+$/, ''));
          }}
        />
        <p className="hint" id={`${fileId}-hint`}>
          PDF, PNG or JPEG, at most {formatBytes(MAX_DOCUMENT_BYTES)}.{file ? ` Chosen: ${file.name}, ${formatBytes(file.size)}.` : ''}
        </p>
        {errors.file ? (
          <p className="field-error" id={`${fileId}-error`}>
            {errors.file}
          </p>
        ) : null}
      </div>
      {busy ? (
        <div role="status">
          <ProgressBar percent={(progress ?? 0) * 100} label="Upload progress" />
        </div>
      ) : null}
      <SubmitButton busy={busy} busyLabel="Uploading…">
        {consentId ? 'Attach the signed form' : 'Upload'}
      </SubmitButton>
    </form>
  );
}
