import type { Medium } from '../protocol/types';
import { callingCode } from './callingCodes';

const MAX_EMAIL_LENGTH = 500;

/** Synapse's canonical form of an email address (local part case-folded, domain lower-cased), or undefined. */
export function canonicalEmail(address: string): string | undefined {
  const trimmed = address.trim();
  const parts = trimmed.split('@');
  const [local, domain] = parts;
  if (parts.length !== 2 || !local || !domain || trimmed.length > MAX_EMAIL_LENGTH) return undefined;
  if (/\s/.test(trimmed) || domain.startsWith('.') || domain.endsWith('.') || domain.includes('..')) return undefined;
  return `${local.toLowerCase()}@${domain.toLowerCase()}`;
}

/** The MSISDN (digits, no `+`) of a phone number dialled from `country`, or undefined when it cannot be one. */
export function toMsisdn(country: string, phoneNumber: string): string | undefined {
  if (!/^[0-9+()\s.-]+$/.test(phoneNumber)) return undefined;
  const compact = phoneNumber.replace(/[()\s.-]/g, '');
  let digits: string;
  if (compact.startsWith('+')) digits = compact.slice(1);
  else if (compact.startsWith('00')) digits = compact.slice(2);
  else {
    const code = callingCode(country);
    if (code === undefined) return undefined;
    // Italy keeps its leading 0 after the country code; everywhere else it is the trunk prefix.
    const national = country !== 'IT' && compact.startsWith('0') ? compact.slice(1) : compact;
    digits = code + national;
  }
  return /^[1-9][0-9]{6,14}$/.test(digits) ? digits : undefined;
}

/** A phone number given as `+447700900001`, `447700900001` or `+44 7700 900001` as MSISDN digits, or undefined. */
export function msisdnOf(phone: string): string | undefined {
  const digits = phone.replace(/[+()\s.-]/g, '');
  return /^[1-9][0-9]{6,14}$/.test(digits) ? digits : undefined;
}

/** The canonical form of a 3PID address in any usual notation (falls back to the trimmed input). */
export function canonicalAddress(medium: Medium, address: string): string {
  const canonical = medium === 'email' ? canonicalEmail(address) : msisdnOf(address);
  return canonical ?? address.trim();
}

/** Guesses the medium of an address: an `@` means email. */
export function mediumOf(address: string): Medium {
  return address.includes('@') ? 'email' : 'msisdn';
}

/** A readable international form of an MSISDN, e.g. `+44 7700900001`. */
export function internationalFormat(msisdn: string, country: string): string {
  const code = callingCode(country);
  return code !== undefined && msisdn.startsWith(code) ? `+${code} ${msisdn.slice(code.length)}` : `+${msisdn}`;
}
