/**
 * A client's documents: kind, title, type and size, who uploaded them and
 * when; open or download one (fetched with the bearer token into a blob and
 * an object URL, so the token never sits in an address), retitle, upload a
 * new one. Nothing is deleted.
 */
import { useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { downloadDocument } from '../../../api/documents';
import { useAgencyZone } from '../../../app/session';
import { useAuth } from '../../../auth/AuthProvider';
import {
  ClientDocumentsDocument,
  type ClientDocumentRowFragment,
  type DocumentKind,
  DocumentKindValues,
  RetitleDocumentDocument,
} from '../../../graphql/generated';
import { formatDateTimeIn } from '../../../lib/zone';
import { label } from '../../../lib/labels';
import { formatBytes } from '../../../lib/record';
import { maxLength, required } from '../../../lib/validation';
import { Disclosure } from '../../../ui/disclosure';
import { Empty, QueryView, Success } from '../../../ui/feedback';
import { FormProblems, SelectField, SubmitButton, TextField } from '../../../ui/fields';
import { useFormSubmit } from '../../../ui/form';
import { useLocalPages } from '../../../ui/hooks';
import { Section } from '../../../ui/page';
import { LocalPager } from '../../../ui/pager';
import { UploadForm } from './UploadForm';

const TYPE_WORDS: Record<string, string> = { 'application/pdf': 'PDF', 'image/png': 'PNG image', 'image/jpeg': 'JPEG image' };
const EXTENSIONS: Record<string, string> = { 'application/pdf': 'pdf', 'image/png': 'png', 'image/jpeg': 'jpg' };

export function DocumentsPart({ clientId }: { clientId: string }) {
  const [result, refetch] = useQuery({ query: ClientDocumentsDocument, variables: { id: clientId } });
  const [notice, setNotice] = useState<string | null>(null);
  const documents = [...(result.data?.client?.documents ?? [])].sort((a, b) => b.uploadedAt.localeCompare(a.uploadedAt));
  const pages = useLocalPages(documents, 10);
  const refresh = () => refetch({ requestPolicy: 'network-only' });
  return (
    <Section title="Documents">
      {notice ? <Success>{notice}</Success> : null}
      <Disclosure label="Upload a document" openLabel="Close the upload form">
        {(close) => (
          <UploadForm
            clientId={clientId}
            onDone={(title) => {
              close();
              setNotice(`“${title}” was uploaded.`);
              refresh();
            }}
          />
        )}
      </Disclosure>
      <QueryView result={result} what="the documents" retry={refresh}>
        {() =>
          documents.length === 0 ? (
            <Empty>No documents yet. Upload an ID, a signed release or a résumé as PDF, PNG or JPEG.</Empty>
          ) : (
            <>
              <table className="table documents">
                <thead>
                  <tr>
                    <th scope="col">Title</th>
                    <th scope="col">Kind</th>
                    <th scope="col">File</th>
                    <th scope="col">Uploaded</th>
                    <th scope="col">
                      <span className="visually-hidden">Actions</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {pages.items.map((d) => (
                    <DocumentRow
                      key={d.id}
                      document={d}
                      onRetitled={(t) => {
                        setNotice(`The document is now called “${t}”.`);
                        refresh();
                      }}
                    />
                  ))}
                </tbody>
              </table>
              <LocalPager pages={pages} label="documents" />
            </>
          )
        }
      </QueryView>
    </Section>
  );
}

/** Open (a new tab) or download a document: fetched with the token, shown from an object URL. */
export function useOpenDocument() {
  const { session, fetch: fetchFn, expire } = useAuth();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const open = async (document: Pick<ClientDocumentRowFragment, 'downloadPath' | 'title' | 'contentType'>, save: boolean) => {
    if (!session) return;
    setBusy(true);
    setProblem(null);
    try {
      const answer = await downloadDocument(fetchFn, session.token, document.downloadPath);
      if (!answer.ok) {
        if (answer.unauthenticated) expire();
        setProblem(answer.message);
        return;
      }
      const url = URL.createObjectURL(answer.blob);
      const a = window.document.createElement('a');
      a.href = url;
      if (save) a.download = `${document.title}.${EXTENSIONS[document.contentType] ?? 'bin'}`;
      else {
        a.target = '_blank';
        a.rel = 'noopener';
      }
      window.document.body.append(a);
      a.click();
      a.remove();
      // The new tab has read it by then; the memory is given back.
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
    } catch {
      setProblem('The document could not be fetched. Check the connection and try again.');
    } finally {
      setBusy(false);
    }
  };
  return { open, busy, problem };
}

function DocumentRow({ document: d, onRetitled }: { document: ClientDocumentRowFragment; onRetitled(title: string): void }) {
  const zone = useAgencyZone();
  const { open, busy, problem } = useOpenDocument();
  return (
    <tr>
      <th scope="row" data-label="Title">
        {d.title}
        {d.consent ? (
          <span className="small block">Signed form of the consent to {d.consent.recipient?.name ?? 'an organization'}</span>
        ) : null}
      </th>
      <td data-label="Kind">{label(d.kind)}</td>
      <td data-label="File">
        {TYPE_WORDS[d.contentType] ?? d.contentType}, {formatBytes(d.sizeBytes)}
      </td>
      <td data-label="Uploaded">
        {formatDateTimeIn(d.uploadedAt, zone)}
        <span className="small block">by {d.uploadedBy.displayName}</span>
      </td>
      <td data-label="Actions">
        <span className="button-row">
          <button type="button" className="button secondary small" disabled={busy} onClick={() => void open(d, false)}>
            Open<span className="visually-hidden"> {d.title}</span>
          </button>
          <button type="button" className="button link small" disabled={busy} onClick={() => void open(d, true)}>
            Download<span className="visually-hidden"> {d.title}</span>
          </button>
        </span>
        <Disclosure
          label={
            <>
              Retitle<span className="visually-hidden"> {d.title}</span>
            </>
          }
        >
          {(close) => (
            <RetitleForm
              document={d}
              onDone={(title) => {
                close();
                onRetitled(title);
              }}
            />
          )}
        </Disclosure>
        {problem ? (
          <p className="field-error" role="alert">
            {problem}
          </p>
        ) : null}
      </td>
    </tr>
  );
}

function RetitleForm({ document: d, onDone }: { document: ClientDocumentRowFragment; onDone(title: string): void }) {
  const [title, setTitle] = useState(d.title);
  const [kind, setKind] = useState<string>(d.kind);
  const [, retitle] = useMutation(RetitleDocumentDocument);
  const form = useFormSubmit({
    fields: ['title', 'kind'],
    strip: /^$/,
    validate: () => ({ title: required(title, 'The title') ?? maxLength(title, 200) }),
    send: () => retitle({ documentId: d.id, title: title.trim(), kind: kind as DocumentKind }),
    onSuccess: () => onDone(title.trim()),
  });
  return (
    <form onSubmit={form.submit} noValidate className="form">
      <FormProblems message={form.formError} fieldCount={form.fieldCount} />
      <TextField name="title" label="Title" required maxLength={200} value={title} onChange={setTitle} error={form.errors.title} />
      <SelectField
        name="kind"
        label="Kind"
        options={DocumentKindValues.map((value) => ({ value, label: label(value) }))}
        value={kind}
        onChange={setKind}
        error={form.errors.kind}
      />
      <SubmitButton busy={form.busy}>Save</SubmitButton>
    </form>
  );
}
