/**
 * The caller's own settings: per notification kind, in the app and by
 * e-mail, one by one or as a daily digest; and the secret address of their
 * appointments' calendar feed, to copy into a calendar, or to replace.
 */
import { useMemo, useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { fieldErrors, messageOf } from '../../api/errors';
import {
  MySettingsDocument,
  type MySettingsQuery,
  type NotificationChannel,
  type NotificationKind,
  NotificationKindValues,
  RotateCalendarFeedDocument,
  SetNotificationPreferencesDocument,
} from '../../graphql/generated';
import { label } from '../../lib/labels';
import { FormProblems, SubmitButton } from '../../ui/fields';
import { QueryView, Success } from '../../ui/feedback';
import { Page, Section } from '../../ui/page';

type Preference = { kind: NotificationKind; channels: NotificationChannel[]; dailyDigest: boolean };

/** What each kind is about, in the words of the person receiving it. */
const KIND_HINTS: Record<NotificationKind, string> = {
  REFERRAL_RECEIVED: 'A referral sent to your organization',
  REFERRAL_ANSWERED: 'A partner accepted, waitlisted or declined a referral',
  REFERRAL_COMPLETED: 'A partner completed a referral',
  REFERRAL_EXPIRED: 'A referral went unanswered past its date',
  REFERRAL_CANCELLED: 'A referral to your organization was cancelled',
  CONSENT_EXPIRING: 'A consent expires within 14 days',
  FOLLOW_UP_DUE: 'A follow-up is due today',
  STEP_OVERDUE: 'A plan step is overdue',
  APPOINTMENT_SOON: 'An appointment starts within 24 hours',
  CLIENT_ASSIGNED: 'A client was assigned to you',
  CONSENT_OVERRIDE_USED: 'A supervisor override of consent was used',
  APPROVAL_REQUESTED: 'A closure waits for your approval',
  APPROVAL_DECIDED: 'Your closure request was decided',
};

export function SettingsPage() {
  const [result, refetch] = useQuery({ query: MySettingsDocument });
  return (
    <Page title="Notification settings">
      <QueryView result={result} what="your settings" retry={() => refetch({ requestPolicy: 'network-only' })}>
        {(data) => (
          <>
            <PreferencesForm saved={data.me.notificationPreferences ?? []} />
            <CalendarFeed url={data.me.calendarFeedUrl} />
          </>
        )}
      </QueryView>
    </Page>
  );
}

/** PRODUCT.md's defaults, for a kind the API does not list (it normally lists every kind with what applies). */
const EMAIL_BY_DEFAULT: NotificationKind[] = ['REFERRAL_RECEIVED', 'REFERRAL_ANSWERED', 'APPROVAL_REQUESTED'];

type Saved = NonNullable<MySettingsQuery['me']['notificationPreferences']>;

/** Server field names such as `preferences[3].channels` or `preferences.3.channels` → row 3. */
function rowErrors(error: Parameters<typeof fieldErrors>[0]): { rows: Record<number, string>; rest: string | null } {
  const rows: Record<number, string> = {};
  const rest: string[] = [];
  for (const [field, message] of Object.entries(fieldErrors(error))) {
    const match = /^preferences(?:\[(\d+)\]|\.(\d+))/.exec(field);
    if (match) rows[Number(match[1] ?? match[2])] = message;
    else rest.push(`${field}: ${message}`);
  }
  return { rows, rest: rest.length ? rest.join(' ') : null };
}

function PreferencesForm({ saved }: { saved: Saved }) {
  const initial = useMemo(
    () =>
      NotificationKindValues.map(
        (kind): Preference =>
          saved.find((p) => p.kind === kind) ?? {
            kind,
            channels: EMAIL_BY_DEFAULT.includes(kind) ? ['IN_APP', 'EMAIL'] : ['IN_APP'],
            dailyDigest: false,
          },
      ),
    [saved],
  );
  const [prefs, setPrefs] = useState<Preference[]>(initial);
  const [result, save] = useMutation(SetNotificationPreferencesDocument);
  const [done, setDone] = useState(false);
  const errors = result.error ? rowErrors(result.error) : { rows: {}, rest: null };
  const formMessage = result.error && !Object.keys(errors.rows).length ? (errors.rest ?? messageOf(result.error)) : errors.rest;
  const set = (i: number, patch: Partial<Preference>) => {
    setDone(false);
    setPrefs(prefs.map((p, j) => (j === i ? { ...p, ...patch } : p)));
  };
  const toggle = (i: number, channel: NotificationChannel, on: boolean) => {
    const channels = NotificationKindChannels.filter((c) => (c === channel ? on : prefs[i].channels.includes(c)));
    set(i, { channels, dailyDigest: channels.includes('EMAIL') && prefs[i].dailyDigest });
  };
  return (
    <Section title="How you are told">
      <form
        className="form"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          setDone(false);
          // Only the input's fields: what was read carries the cache's __typename.
          const preferences = prefs.map(({ kind, channels, dailyDigest }) => ({ kind, channels, dailyDigest }));
          void save({ preferences }).then((r) => setDone(!r.error));
        }}
      >
        <p className="hint">
          E-mails never hold a client’s name or details: only what happened, your organization and a link to sign in and read it. A kind
          with neither channel is not shown to you at all.
        </p>
        {done ? <Success>Your notification settings were saved.</Success> : null}
        <FormProblems message={formMessage} fieldCount={Object.keys(errors.rows).length} />
        <table className="table preferences">
          <thead>
            <tr>
              <th scope="col">Notification</th>
              <th scope="col">In the app</th>
              <th scope="col">By e-mail</th>
              <th scope="col">E-mails as a daily digest</th>
            </tr>
          </thead>
          <tbody>
            {prefs.map((p, i) => {
              const name = label(p.kind);
              const error = errors.rows[i];
              return (
                <tr key={p.kind} className={error ? 'row-warning' : undefined}>
                  <th scope="row" data-label="Notification">
                    {name}
                    <span className="small block">{KIND_HINTS[p.kind]}</span>
                    {error ? (
                      <span className="field-error block" id={`pref-${p.kind}-error`}>
                        {error}
                      </span>
                    ) : null}
                  </th>
                  {NotificationKindChannels.map((channel) => (
                    <td key={channel} data-label={channel === 'IN_APP' ? 'In the app' : 'By e-mail'}>
                      <input
                        type="checkbox"
                        aria-label={`${name}: ${channel === 'IN_APP' ? 'in the app' : 'by e-mail'}`}
                        checked={p.channels.includes(channel)}
                        onChange={(e) => toggle(i, channel, e.target.checked)}
                        aria-invalid={error ? true : undefined}
                        aria-describedby={error ? `pref-${p.kind}-error` : undefined}
                      />
                    </td>
                  ))}
                  <td data-label="E-mails as a daily digest">
                    <input
                      type="checkbox"
                      aria-label={`${name}: e-mails as a daily digest`}
                      checked={p.dailyDigest}
                      disabled={!p.channels.includes('EMAIL')}
                      onChange={(e) => set(i, { dailyDigest: e.target.checked })}
                    />
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
        <SubmitButton busy={result.fetching}>Save the notification settings</SubmitButton>
      </form>
    </Section>
  );
}

const NotificationKindChannels: NotificationChannel[] = ['IN_APP', 'EMAIL'];

/** An address shown relative to the gateway (a path) is completed with this origin, to paste into a calendar. */
function absolute(url: string): string {
  return url.startsWith('/') ? `${window.location.origin}${url}` : url;
}

function CalendarFeed({ url: initialUrl }: { url: string | null }) {
  const [url, setUrl] = useState(initialUrl);
  const [confirming, setConfirming] = useState(false);
  const [copied, setCopied] = useState<string | null>(null);
  const [result, rotate] = useMutation(RotateCalendarFeedDocument);
  const replace = () =>
    void rotate({}).then((r) => {
      setConfirming(false);
      if (r.data) {
        setUrl(r.data.rotateCalendarFeed);
        setCopied('A new calendar address was made; the old one no longer works.');
      }
    });
  const copy = (text: string) => {
    const done = () => setCopied('The address was copied. Paste it into your calendar’s “subscribe from a URL”.');
    if (navigator.clipboard) void navigator.clipboard.writeText(text).then(done, () => setCopied('Select the address and copy it.'));
    else setCopied('Select the address and copy it.');
  };
  return (
    <Section title="Your appointments in your calendar">
      <p>
        Subscribe from Outlook, Google Calendar or your phone to see your appointments from 30 days back to 180 days ahead. The calendar
        shows the kind, the place and the client’s initials, never a name. Anyone with the address can read it: keep it to yourself.
      </p>
      {url ? (
        <div className="field">
          <label htmlFor="calendar-feed">Calendar address</label>
          <input id="calendar-feed" type="text" readOnly value={absolute(url)} onFocus={(e) => e.currentTarget.select()} />
        </div>
      ) : (
        <p className="muted">You have no calendar address yet.</p>
      )}
      {copied ? <p role="status">{copied}</p> : null}
      <div className="button-row">
        {url ? (
          <button type="button" className="button primary" onClick={() => copy(absolute(url))}>
            Subscribe: copy the address
          </button>
        ) : null}
        {confirming ? (
          <>
            <span className="warning-text" id="rotate-warning">
              The current address stops working at once: calendars subscribed to it stop updating until you subscribe again.
            </span>
            <button type="button" className="button danger" onClick={replace} disabled={result.fetching} aria-describedby="rotate-warning">
              {result.fetching ? 'Making a new address…' : 'Confirm: make a new address'}
            </button>
            <button type="button" className="button link" onClick={() => setConfirming(false)}>
              Keep the current address
            </button>
          </>
        ) : (
          <button type="button" className="button secondary" onClick={() => (url ? setConfirming(true) : replace())}>
            {url ? 'Make a new address' : 'Create a calendar address'}
          </button>
        )}
      </div>
      {result.error ? (
        <p className="field-error" role="alert">
          {messageOf(result.error)}
        </p>
      ) : null}
    </Section>
  );
}
