/** Phone numbers as the directory shows them: "+1 902-555-2001 ext. 12", with the kind when it is not a voice line. */
export interface PhoneLike {
  number: string;
  extension?: string | null;
  type?: string | null;
  description?: string | null;
}

/** HSDS phone types (the API's list), 'voice' first: the default. */
export const PHONE_TYPES = ['voice', 'text', 'fax', 'cell', 'video', 'pager', 'textphone'];

export function describePhone(p: PhoneLike): string {
  return `${p.number}${p.extension ? ` ext. ${p.extension}` : ''}`;
}

/** The number with its kind and note, e.g. "+1 902-555-2001 (fax) — Intake line". */
export function describePhoneFully(p: PhoneLike): string {
  const kind = p.type && p.type !== 'voice' ? ` (${p.type})` : '';
  return `${describePhone(p)}${kind}${p.description ? ` — ${p.description}` : ''}`;
}
