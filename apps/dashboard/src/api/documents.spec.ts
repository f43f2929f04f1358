import { MAX_DOCUMENT_BYTES, type UploadRequest, answerOf, downloadDocument, fileProblem, uploadDocument } from './documents';

/** A stand-in for XMLHttpRequest: records what is sent and answers when told. */
function fakeRequest() {
  const sent: { method?: string; url?: string; headers: Record<string, string>; body?: FormData } = { headers: {} };
  const request: UploadRequest & { answer(status: number, text: string): void; progress(loaded: number, total: number): void } = {
    status: 0,
    responseText: '',
    upload: { onprogress: null },
    onload: null,
    onerror: null,
    onabort: null,
    open: (method, url) => Object.assign(sent, { method, url }),
    setRequestHeader: (name, value) => void (sent.headers[name] = value),
    send: (body) => void (sent.body = body),
    abort: () => request.onabort?.(),
    answer(status, text) {
      Object.assign(request, { status, responseText: text });
      request.onload?.();
    },
    progress(loaded, total) {
      request.upload.onprogress?.({ loaded, total, lengthComputable: true });
    },
  };
  return { request, sent };
}

describe('uploading a document', () => {
  it('sends the fields then the file as multipart with the bearer token in the header, reporting progress', async () => {
    const { request, sent } = fakeRequest();
    const seen: number[] = [];
    const file = new File([new Uint8Array([0x25, 0x50, 0x44, 0x46])], 'release.pdf', { type: 'application/pdf' });
    const done = uploadDocument({
      request,
      token: 'tok-123',
      fields: { clientId: 'c1', kind: 'SIGNED_CONSENT', title: ' Signed release ', consentId: 'k1' },
      file,
      onProgress: (f) => seen.push(f),
    });
    expect(sent.method).toBe('POST');
    expect(sent.url).toBe('/documents');
    expect(sent.url).not.toContain('tok-123');
    expect(sent.headers).toEqual({ authorization: 'Bearer tok-123' });
    expect([...(sent.body as FormData).keys()]).toEqual(['clientId', 'kind', 'title', 'consentId', 'file']);
    expect((sent.body as FormData).get('title')).toBe('Signed release');
    expect(((sent.body as FormData).get('file') as File).name).toBe('release.pdf');
    request.progress(2, 4);
    request.progress(4, 4);
    request.answer(201, JSON.stringify({ id: 'd1', title: 'Signed release' }));
    await expect(done).resolves.toEqual({ ok: true, status: 201, body: { id: 'd1', title: 'Signed release' } });
    expect(seen).toEqual([0.5, 1]);
  });

  it('leaves out the consent when there is none', async () => {
    const { request, sent } = fakeRequest();
    const done = uploadDocument({ request, token: 't', fields: { clientId: 'c1', kind: 'RESUME', title: 'CV' }, file: new Blob(['x']) });
    expect([...(sent.body as FormData).keys()]).toEqual(['clientId', 'kind', 'title', 'file']);
    request.answer(201, '{}');
    await done;
  });

  it('explains the gateway’s refusals: too large, not PDF/PNG/JPEG, a field, a lost session, no connection', async () => {
    expect(answerOf(413, '')).toMatchObject({ ok: false, field: 'file', message: expect.stringMatching(/larger than 10 MB/) });
    expect(answerOf(415, '{"message":"unsupported"}')).toMatchObject({
      ok: false,
      field: 'file',
      message: expect.stringMatching(/Only PDF, PNG and JPEG/),
    });
    const refusal = { errors: [{ message: 'title must not be empty', extensions: { code: 'BAD_USER_INPUT', field: 'title' } }] };
    expect(answerOf(400, JSON.stringify(refusal))).toEqual({ ok: false, status: 400, message: 'Must not be empty.', field: 'title' });
    expect(answerOf(400, 'not json')).toMatchObject({ ok: false, message: 'The server refused the file (400).' });
    expect(answerOf(401, '')).toMatchObject({ ok: false, unauthenticated: true });
    const { request } = fakeRequest();
    const done = uploadDocument({ request, token: 't', fields: { clientId: 'c', kind: 'OTHER', title: 'x' }, file: new Blob(['x']) });
    request.onerror?.();
    await expect(done).resolves.toMatchObject({ ok: false, status: 0, message: expect.stringMatching(/did not reach the server/) });
  });

  it('refuses an empty file or one over 10 MB before sending', () => {
    expect(fileProblem(null)).toBe('Choose a file.');
    expect(fileProblem({ size: 0 })).toBe('The file is empty.');
    expect(fileProblem({ size: MAX_DOCUMENT_BYTES + 1 })).toMatch(/larger than 10 MB/);
    expect(fileProblem({ size: MAX_DOCUMENT_BYTES })).toBeUndefined();
  });
});

/** The part of a fetch Response a download reads (jsdom has no Response). */
function response(status: number, body: Blob = new Blob([])) {
  return { ok: status >= 200 && status < 300, status, text: async () => '', blob: async () => body };
}

describe('opening a document', () => {
  it('fetches the path with the token in the header and returns the bytes', async () => {
    const calls: Array<{ url: string; headers: unknown }> = [];
    const fetchFn = (async (url: string, init: { headers: unknown }) => {
      calls.push({ url, headers: init.headers });
      return response(200, new Blob([new Uint8Array([1, 2, 3])], { type: 'application/pdf' }));
    }) as unknown as typeof fetch;
    const answer = await downloadDocument(fetchFn, 'tok', '/documents/d1');
    expect(calls).toEqual([{ url: '/documents/d1', headers: { authorization: 'Bearer tok' } }]);
    expect(answer.ok).toBe(true);
    if (answer.ok) expect({ size: answer.blob.size, type: answer.blob.type }).toEqual({ size: 3, type: 'application/pdf' });
  });

  it('says why it cannot', async () => {
    const answering = (status: number) => (async () => response(status)) as unknown as typeof fetch;
    await expect(downloadDocument(answering(403), 't', '/documents/d1')).resolves.toMatchObject({
      ok: false,
      message: 'You may not open this document.',
    });
    await expect(downloadDocument(answering(404), 't', '/documents/d1')).resolves.toMatchObject({
      ok: false,
      message: 'The document was not found.',
    });
    await expect(downloadDocument(answering(401), 't', '/documents/d1')).resolves.toMatchObject({ ok: false, unauthenticated: true });
  });
});
