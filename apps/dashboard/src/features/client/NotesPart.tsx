/** Case notes, newest first, in pages: amendments shown with the note they correct, sensitive notes marked; add or amend. */
import { useState } from 'react';
import { useQuery } from 'urql';
import { ClientNotesDocument, type ClientNotesQuery } from '../../graphql/generated';
import { formatDateTime } from '../../lib/dates';
import { label } from '../../lib/labels';
import { Disclosure } from '../../ui/disclosure';
import { LongText } from '../../ui/longtext';
import { Empty, QueryView, Success } from '../../ui/feedback';
import { useCursorPages } from '../../ui/hooks';
import { Section } from '../../ui/page';
import { Pager } from '../../ui/pager';
import { NoteForm } from './forms/NoteForm';

type Note = NonNullable<ClientNotesQuery['client']>['caseNotes']['edges'][number]['node'];
const PAGE = 10;
const NOTE_CONTEXT = { additionalTypenames: ['CaseNote'] };

export function NotesPart({ clientId }: { clientId: string }) {
  const pages = useCursorPages(clientId);
  const [result, refetch] = useQuery({
    query: ClientNotesDocument,
    variables: { id: clientId, first: PAGE, after: pages.after },
    context: NOTE_CONTEXT,
  });
  const [notice, setNotice] = useState<string | null>(null);
  const refresh = () => refetch({ requestPolicy: 'network-only' });
  const saved = (what: string) => {
    setNotice(what);
    pages.reset();
    refresh();
  };
  return (
    <Section title="Case notes">
      {notice ? <Success>{notice}</Success> : null}
      <Disclosure label="Add a case note" openLabel="Close the note form">
        {(close) => (
          <NoteForm
            clientId={clientId}
            onDone={() => {
              close();
              saved('The note was added.');
            }}
          />
        )}
      </Disclosure>
      <QueryView result={result} what="the case notes" retry={refresh}>
        {(data) => {
          const notes = data.client?.caseNotes;
          if (!notes || notes.totalCount === 0) return <Empty>No case notes yet.</Empty>;
          return (
            <>
              <ol className="notes">
                {notes.edges.map(({ node }) => (
                  <NoteItem
                    key={node.id}
                    note={node}
                    clientId={clientId}
                    onAmended={() => saved('The amendment was added; the original note is kept as it was.')}
                  />
                ))}
              </ol>
              <Pager
                page={pages.page}
                hasPrevious={pages.page > 1}
                hasNext={notes.pageInfo.hasNextPage}
                onPrevious={pages.previous}
                onNext={() => pages.next(notes.pageInfo.endCursor)}
                total={notes.totalCount}
                pageSize={PAGE}
                shown={notes.edges.length}
                label="case notes"
              />
            </>
          );
        }}
      </QueryView>
    </Section>
  );
}

function NoteItem({ note, clientId, onAmended }: { note: Note; clientId: string; onAmended(): void }) {
  return (
    <li className={`note ${note.sensitive ? 'sensitive' : ''}`}>
      <article aria-label={`${label(note.contactType)} note of ${formatDateTime(note.occurredAt)}`}>
        <header className="note-head">
          <span className="note-when">{formatDateTime(note.occurredAt)}</span>
          <span>{label(note.contactType)}</span>
          <span>by {note.author.displayName}</span>
          {note.sensitive ? <span className="badge badge-sensitive">Sensitive: author and supervisors only</span> : null}
          {note.amends ? <span className="badge badge-amendment">Amends the note of {formatDateTime(note.amends.occurredAt)}</span> : null}
        </header>
        <LongText text={note.body} className="note-body" what={`the note of ${formatDateTime(note.occurredAt)}`} />
        {note.amendments.length ? (
          <div className="amendments">
            <p className="small">
              <strong>Corrected by {note.amendments.length === 1 ? 'an amendment' : `${note.amendments.length} amendments`}:</strong>
            </p>
            <ul>
              {note.amendments.map((a) => (
                <li key={a.id}>
                  <span className="small">
                    {formatDateTime(a.createdAt)}, {a.author.displayName}:
                  </span>
                  <LongText text={a.body} className="note-body" what={`the amendment of ${formatDateTime(a.createdAt)}`} />
                </li>
              ))}
            </ul>
          </div>
        ) : null}
        <Disclosure
          label={
            <>
              Amend this note<span className="visually-hidden"> of {formatDateTime(note.occurredAt)}</span>
            </>
          }
          openLabel="Close the amendment"
        >
          {(close) => (
            <NoteForm
              clientId={clientId}
              amends={note}
              onDone={() => {
                close();
                onAmended();
              }}
            />
          )}
        </Disclosure>
      </article>
    </li>
  );
}
