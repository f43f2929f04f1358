/**
 * Sending one message, through nodemailer: over SMTP when `smtpUrl` is set,
 * otherwise rendered by nodemailer's stream transport and written as an
 * `.eml` file under `mailDir` (what development reads instead of a mailbox).
 * nodemailer is the maintained standard for Node: it speaks SMTP with TLS,
 * authentication and pooling, and renders RFC 5322 messages, so none of that
 * is ours to write.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createTransport } from 'nodemailer';
import type { MailSettings } from './mail.settings';

export interface OutgoingMail {
  /** Names the .eml file; unique per message. */
  id: string;
  to: string;
  subject: string;
  text: string;
}

export interface MailTransport {
  /** Where the mail goes, for the start banner: `smtp://host:port` (no credentials) or the .eml folder. */
  describe: string;
  send(mail: OutgoingMail): Promise<void>;
  close(): void;
}

/** Where the mail goes, for the start banner: the SMTP server (never its credentials), or the .eml folder. */
export function describeMailDestination(settings: MailSettings): string {
  if (!settings.smtpUrl) return `no SMTP_URL: each message is written as an .eml file in ${settings.mailDir}/`;
  const url = new URL(settings.smtpUrl);
  return `SMTP ${url.protocol}//${url.host}`;
}

export function createMailTransport(settings: MailSettings): MailTransport {
  if (settings.smtpUrl) {
    const transporter = createTransport(settings.smtpUrl);
    return {
      describe: describeMailDestination(settings),
      send: async (mail) => {
        await transporter.sendMail({ from: settings.from, to: mail.to, subject: mail.subject, text: mail.text });
      },
      close: () => transporter.close(),
    };
  }
  const transporter = createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  return {
    describe: describeMailDestination(settings),
    send: async (mail) => {
      const info = await transporter.sendMail({ from: settings.from, to: mail.to, subject: mail.subject, text: mail.text });
      await mkdir(settings.mailDir, { recursive: true, mode: 0o700 });
      await writeFile(join(settings.mailDir, `${mail.id}.eml`), info.message as Buffer, { mode: 0o600 });
    },
    close: () => transporter.close(),
  };
}
