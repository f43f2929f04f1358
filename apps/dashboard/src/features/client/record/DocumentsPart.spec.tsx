import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { ClientDocumentRowFragment } from '../../../graphql/generated';
import { seriousViolations } from '../../../testing/axe';
import { CLIENT_ID, profile } from '../../../testing/fixtures';
import { STAFF, fakeGateway, renderApp } from '../../../testing/harness';

const PATH = `/clients/${CLIENT_ID}?tab=documents`;

function doc(id: string, patch: Partial<ClientDocumentRowFragment> = {}): ClientDocumentRowFragment {
  return {
    id,
    kind: 'IDENTIFICATION',
    title: 'Health card',
    contentType: 'image/png',
    sizeBytes: 183_500,
    sha256: 'ab'.repeat(32),
    uploadedAt: new Date(Date.now() - 86_400_000).toISOString(),
    downloadPath: `/documents/${id}`,
    uploadedBy: { id: STAFF.casey.id, displayName: 'Casey Morgan' },
    consent: null,
    ...patch,
  };
}

/** XMLHttpRequest as the upload uses it, answered by the test. */
class FakeXhr {
  static last: FakeXhr | null = null;
  method = '';
  url = '';
  headers: Record<string, string> = {};
  body: FormData | null = null;
  status = 0;
  responseText = '';
  upload: { onprogress: ((e: { loaded: number; total: number; lengthComputable: boolean }) => void) | null } = { onprogress: null };
  onload: (() => void) | null = null;
  onerror: (() => void) | null = null;
  onabort: (() => void) | null = null;
  constructor() {
    FakeXhr.last = this;
  }
  open(method: string, url: string) {
    Object.assign(this, { method, url });
  }
  setRequestHeader(name: string, value: string) {
    this.headers[name] = value;
  }
  send(body: FormData) {
    this.body = body;
  }
  abort() {
    this.onabort?.();
  }
}

const realXhr = window.XMLHttpRequest;
beforeEach(() => {
  FakeXhr.last = null;
  window.XMLHttpRequest = FakeXhr as unknown as typeof XMLHttpRequest;
});
afterEach(() => {
  window.XMLHttpRequest = realXhr;
});

describe('documents in the client file', () => {
  it('lists them and opens one through the token-bearing fetch, never putting the token in an address', async () => {
    const gateway = fakeGateway({
      ClientProfile: () => ({ data: profile() }),
      ClientDocuments: () => ({
        data: {
          client: {
            id: CLIENT_ID,
            documents: [
              doc('d1'),
              doc('d2', {
                kind: 'SIGNED_CONSENT',
                title: 'Release to Northside',
                contentType: 'application/pdf',
                uploadedAt: new Date().toISOString(),
                consent: { id: 'k1', recipient: { id: 'o1', name: 'Northside Food Bank' } },
              }),
            ],
          },
        },
      }),
    });
    const graphql = gateway.fetch;
    const downloads: Array<{ url: string; headers: unknown }> = [];
    gateway.fetch = (async (url: string, init: { headers?: unknown }) => {
      if (String(url).startsWith('/documents/')) {
        downloads.push({ url: String(url), headers: init.headers });
        return { ok: true, status: 200, text: async () => '', blob: async () => new Blob(['%PDF-1.4'], { type: 'application/pdf' }) };
      }
      return graphql(url, init as RequestInit);
    }) as unknown as typeof fetch;
    const opened: Array<{ href: string; target: string; download: string }> = [];
    const click = jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      opened.push({ href: this.href, target: this.target, download: this.download });
    });
    URL.createObjectURL = (() => 'blob:http://localhost/doc-1') as typeof URL.createObjectURL;
    URL.revokeObjectURL = (() => undefined) as typeof URL.revokeObjectURL;
    try {
      const { container } = renderApp({ path: PATH, as: 'casey', gateway });
      const rows = (await screen.findAllByRole('row')).slice(1);
      expect(rows.map((r) => within(r).getByRole('rowheader').textContent)).toEqual([
        'Release to NorthsideSigned form of the consent to Northside Food Bank',
        'Health card',
      ]);
      expect(within(rows[1]).getByText('PNG image, 179.2 KB')).toBeTruthy();
      expect(within(rows[1]).getByText('by Casey Morgan')).toBeTruthy();
      expect(await seriousViolations(container)).toEqual([]);
      fireEvent.click(within(rows[0]).getByRole('button', { name: 'Open Release to Northside' }));
      await waitFor(() => expect(opened).toHaveLength(1));
      expect(downloads).toEqual([{ url: '/documents/d2', headers: { authorization: 'Bearer token-casey' } }]);
      expect(opened[0]).toEqual({ href: 'blob:http://localhost/doc-1', target: '_blank', download: '' });
      fireEvent.click(within(rows[1]).getByRole('button', { name: 'Download Health card' }));
      await waitFor(() => expect(opened).toHaveLength(2));
      expect(opened[1].download).toBe('Health card.png');
    } finally {
      click.mockRestore();
    }
  });

  it('uploads with a progress bar; a refusal (too large, wrong type) is shown beside the file and nothing is listed', async () => {
    let listed = 0;
    const gateway = fakeGateway({
      ClientProfile: () => ({ data: profile() }),
      ClientDocuments: () => {
        listed += 1;
        return { data: { client: { id: CLIENT_ID, documents: listed > 1 ? [doc('d9', { title: 'Résumé', kind: 'RESUME' })] : [] } } };
      },
    });
    renderApp({ path: PATH, as: 'casey', gateway });
    expect(await screen.findByText(/No documents yet/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Upload a document' }));
    const form = screen.getByRole('form', { name: 'Upload a document' });
    fireEvent.click(within(form).getByRole('button', { name: 'Upload' }));
    expect(await within(form).findByText('Choose a file.')).toBeTruthy();
    expect(within(form).getByText('Choose what kind of document it is.')).toBeTruthy();
    expect(FakeXhr.last).toBeNull();

    const empty = new File([], 'blank.pdf', { type: 'application/pdf' });
    fireEvent.change(within(form).getByLabelText(/^File/), { target: { files: [empty] } });
    fireEvent.change(within(form).getByLabelText(/^Kind/), { target: { value: 'RESUME' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Upload' }));
    expect(await within(form).findByText('The file is empty.')).toBeTruthy();
    expect(FakeXhr.last).toBeNull();

    const file = new File(['MZ not really a pdf'], 'resume.pdf', { type: 'application/pdf' });
    fireEvent.change(within(form).getByLabelText(/^File/), { target: { files: [file] } });
    expect((within(form).getByLabelText(/^Title/) as HTMLInputElement).value).toBe('blank');
    fireEvent.change(within(form).getByLabelText(/^Title/), { target: { value: 'Résumé' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Upload' }));
    const xhr = FakeXhr.last as FakeXhr;
    expect({ method: xhr.method, url: xhr.url, headers: xhr.headers }).toEqual({
      method: 'POST',
      url: '/documents',
      headers: { authorization: 'Bearer token-casey' },
    });
    expect(Object.fromEntries([...(xhr.body as FormData).entries()].filter(([k]) => k !== 'file'))).toEqual({
      clientId: CLIENT_ID,
      kind: 'RESUME',
      title: 'Résumé',
    });
    act(() => xhr.upload.onprogress?.({ loaded: 5, total: 10, lengthComputable: true }));
    expect((await within(form).findByRole('progressbar', { name: 'Upload progress' })).getAttribute('aria-valuenow')).toBe('50');
    expect(within(form).getByRole('button', { name: 'Uploading…' })).toBeTruthy();
    Object.assign(xhr, { status: 415, responseText: '{"message":"not a PDF, PNG or JPEG"}' });
    act(() => xhr.onload?.());
    expect(await within(form).findByText(/Only PDF, PNG and JPEG files can be uploaded/)).toBeTruthy();
    expect(within(form).getByLabelText(/^File/).getAttribute('aria-invalid')).toBe('true');
    expect(listed).toBe(1);

    fireEvent.click(within(form).getByRole('button', { name: 'Upload' }));
    const second = FakeXhr.last as FakeXhr;
    Object.assign(second, { status: 413, responseText: '' });
    act(() => second.onload?.());
    expect(await within(form).findByText(/larger than 10 MB/)).toBeTruthy();
    expect(listed).toBe(1);

    fireEvent.click(within(form).getByRole('button', { name: 'Upload' }));
    const third = FakeXhr.last as FakeXhr;
    Object.assign(third, { status: 201, responseText: JSON.stringify(doc('d9')) });
    act(() => third.onload?.());
    expect(await screen.findByText('“Résumé” was uploaded.')).toBeTruthy();
    expect(await screen.findByRole('rowheader', { name: 'Résumé' })).toBeTruthy();
  });

  it('attaches a signed consent form from the consents part, tied to that consent, and opens one already attached', async () => {
    const consent = (id: string, name: string, signedForm: ClientDocumentRowFragment | null) => ({
      id,
      recipient: { id: `o-${id}`, name },
      scope: ['CONTACT_INFO' as const],
      purpose: 'Food',
      signedAt: new Date(Date.now() - 10 * 86_400_000).toISOString(),
      expiresAt: new Date(Date.now() + 200 * 86_400_000).toISOString(),
      revokedAt: null,
      witness: null,
      status: 'ACTIVE' as const,
      signedForm,
    });
    let attached = false;
    const gateway = fakeGateway({
      ClientProfile: () => ({ data: profile() }),
      ClientConsents: () => ({
        data: {
          client: {
            id: CLIENT_ID,
            displayName: 'Dana Fontaine',
            consents: [
              consent('k1', 'Northside Food Bank', attached ? doc('d5', { kind: 'SIGNED_CONSENT', title: 'Signed release' }) : null),
              consent('k2', 'Eastside Housing Help', doc('d6', { kind: 'SIGNED_CONSENT', title: 'Housing release' })),
            ],
          },
        },
      }),
    });
    renderApp({ path: `/clients/${CLIENT_ID}?tab=consents`, as: 'casey', gateway });
    const housing = (await screen.findByRole('rowheader', { name: 'Eastside Housing Help' })).closest('tr') as HTMLElement;
    expect(within(housing).getByRole('button', { name: 'Open Housing release' })).toBeTruthy();
    const food = screen.getByRole('rowheader', { name: 'Northside Food Bank' }).closest('tr') as HTMLElement;
    fireEvent.click(within(food).getByRole('button', { name: 'Attach the signed form of the consent to Northside Food Bank' }));
    const form = within(food).getByRole('form', { name: 'Attach the signed form' });
    expect(within(form).queryByLabelText(/^Kind/)).toBeNull();
    expect((within(form).getByLabelText(/^Title/) as HTMLInputElement).value).toBe('Signed consent: Northside Food Bank');
    fireEvent.change(within(form).getByLabelText(/^File/), { target: { files: [new File(['%PDF-1.4'], 'scan.pdf')] } });
    fireEvent.click(within(form).getByRole('button', { name: 'Attach the signed form' }));
    const xhr = FakeXhr.last as FakeXhr;
    expect(Object.fromEntries([...(xhr.body as FormData).entries()].filter(([k]) => k !== 'file'))).toEqual({
      clientId: CLIENT_ID,
      kind: 'SIGNED_CONSENT',
      title: 'Signed consent: Northside Food Bank',
      consentId: 'k1',
    });
    attached = true;
    Object.assign(xhr, { status: 201, responseText: '{}' });
    act(() => xhr.onload?.());
    expect(await screen.findByText('The signed form of the consent to Northside Food Bank was attached.')).toBeTruthy();
    expect(await screen.findByRole('button', { name: 'Open Signed release' })).toBeTruthy();
  });

  it('retitles a document (nothing is replaced), with the server’s field error beside the title', async () => {
    let calls = 0;
    const gateway = fakeGateway({
      ClientProfile: () => ({ data: profile() }),
      ClientDocuments: () => ({
        data: { client: { id: CLIENT_ID, documents: [doc('d1', { title: calls > 1 ? 'Health card (2026)' : 'Health card' })] } },
      }),
      RetitleDocument: (v) => {
        calls += 1;
        if (calls === 1)
          return { errors: [{ message: 'title must not be only spaces', extensions: { code: 'BAD_USER_INPUT', field: 'title' } }] };
        return { data: { retitleDocument: doc('d1', { title: v.title as string, kind: v.kind as 'IDENTIFICATION' }) } };
      },
    });
    renderApp({ path: PATH, as: 'casey', gateway });
    const row = (await screen.findByRole('rowheader', { name: 'Health card' })).closest('tr') as HTMLElement;
    fireEvent.click(within(row).getByRole('button', { name: 'Retitle Health card' }));
    const title = within(row).getByLabelText(/^Title/);
    fireEvent.change(title, { target: { value: '' } });
    fireEvent.click(within(row).getByRole('button', { name: 'Save' }));
    expect(await within(row).findByText('The title is required.')).toBeTruthy();
    expect(gateway.called('RetitleDocument')).toHaveLength(0);
    fireEvent.change(title, { target: { value: 'Health card (2026)' } });
    fireEvent.click(within(row).getByRole('button', { name: 'Save' }));
    expect(await within(row).findByText('Must not be only spaces.')).toBeTruthy();
    fireEvent.click(within(row).getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('The document is now called “Health card (2026)”.')).toBeTruthy();
    expect(gateway.called('RetitleDocument')[1].variables).toEqual({
      documentId: 'd1',
      title: 'Health card (2026)',
      kind: 'IDENTIFICATION',
    });
    expect(await screen.findByRole('rowheader', { name: 'Health card (2026)' })).toBeTruthy();
  });
});
