/**
 * The demo's documents: for a few of Casey's active clients, small PDFs
 * generated here (a resume, an ID letter and, where the client has a
 * consent, its signed form), stored as the PostgreSQL store keeps them (one
 * chunk each). Deterministic ids and content, safe to run twice.
 */
import { createHash } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { type DemoWorld, demoId, demoStaff } from '@caseflow/demo';

/** A one-page PDF showing the lines, with a correct cross-reference table (any reader opens it). */
export function demoPdf(lines: readonly string[]): Buffer {
  const escape = (text: string) => text.replace(/[\\()]/g, (c) => `\\${c}`);
  const stream = ['BT', '/F1 14 Tf', '72 740 Td', '18 TL', ...lines.map((line) => `(${escape(line)}) '`), 'ET'].join('\n');
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${Buffer.byteLength(stream, 'latin1')} >>\nstream\n${stream}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let pdf = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(Buffer.byteLength(pdf, 'latin1'));
    pdf += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = Buffer.byteLength(pdf, 'latin1');
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  pdf += offsets.map((offset) => `${String(offset).padStart(10, '0')} 00000 n \n`).join('');
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(pdf, 'latin1');
}

interface DemoDocument {
  id: string;
  clientId: string;
  kind: 'IDENTIFICATION' | 'SIGNED_CONSENT' | 'RESUME';
  title: string;
  consentId: string | null;
  content: Buffer;
  uploadedAt: Date;
}

export function demoDocuments(world: DemoWorld): DemoDocument[] {
  const casey = demoStaff('casey');
  const DAY = 86_400_000;
  const clients = world.clients.filter((c) => c.caseManagerId === casey.id && c.status === 'ACTIVE').slice(0, 3);
  return clients.flatMap((client, i) => {
    const name = `${client.firstName} ${client.lastName}`;
    const at = (days: number) => new Date(world.today.getTime() - (days + i) * DAY);
    const documents: DemoDocument[] = [
      {
        id: demoId('document', `${client.id}:resume`),
        clientId: client.id,
        kind: 'RESUME',
        title: 'Resume',
        consentId: null,
        content: demoPdf([
          `Resume of ${name}`,
          '',
          'Warehouse associate, 2019 to 2024',
          'Forklift certificate',
          'Languages: English, French',
        ]),
        uploadedAt: at(20),
      },
      {
        id: demoId('document', `${client.id}:identification`),
        clientId: client.id,
        kind: 'IDENTIFICATION',
        title: 'Proof of identity (letter)',
        consentId: null,
        content: demoPdf([`Proof of identity for ${name}`, '', 'Sighted by the case manager at intake.', 'Demo document: invented.']),
        uploadedAt: at(30),
      },
    ];
    const referral = world.referrals.find((r) => r.clientId === client.id);
    if (referral) {
      documents.push({
        id: demoId('document', `${client.id}:signed-consent`),
        clientId: client.id,
        kind: 'SIGNED_CONSENT',
        title: 'Signed consent to share information',
        consentId: demoId('consent', referral.id),
        content: demoPdf([
          `Consent to share information: ${name}`,
          '',
          'Contact details and referral details,',
          'for a referral for support services.',
          'Signed.',
        ]),
        uploadedAt: at(10),
      });
    }
    return documents;
  });
}

export async function seedDocuments(tx: EntityManager, world: DemoWorld): Promise<void> {
  const casey = demoStaff('casey');
  for (const d of demoDocuments(world)) {
    await tx.query(
      `INSERT INTO clients.document (id, client_id, kind, title, content_type, size_bytes, sha256, storage, consent_id, uploaded_by, uploaded_at, updated_at)
       VALUES ($1, $2, $3, $4, 'application/pdf', $5, $6, 'postgres', $7, $8, $9, $9) ON CONFLICT (id) DO NOTHING`,
      [
        d.id,
        d.clientId,
        d.kind,
        d.title,
        d.content.length,
        createHash('sha256').update(d.content).digest('hex'),
        d.consentId,
        casey.id,
        d.uploadedAt,
      ],
    );
    await tx.query('INSERT INTO clients.document_chunk (document_id, seq, data) VALUES ($1, 0, $2) ON CONFLICT DO NOTHING', [
      d.id,
      d.content,
    ]);
  }
}
