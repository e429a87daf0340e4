/**
 * Well-known webmail services: name, inbox address, and the domains people's addresses are at. Kept short on
 * purpose (every entry is bytes in every flow); the typo suggestion only ever proposes one of these domains, and only the longer ones (one edit from "me.com" is
 * too many real domains).
 */
const services = [
  ['Gmail', 'mail.google.com', 'gmail.com googlemail.com'],
  ['Outlook', 'outlook.live.com', 'outlook.com hotmail.com live.com'],
  ['Yahoo Mail', 'mail.yahoo.com', 'yahoo.com'],
  ['iCloud Mail', 'www.icloud.com/mail', 'icloud.com me.com'],
  ['Proton Mail', 'mail.proton.me', 'proton.me protonmail.com'],
] as const;

/** The domain of an address, lower case ('' when there is none). */
const domainOf = (address: string): string => address.slice(address.lastIndexOf('@') + 1).trim().toLowerCase();

/** The webmail service an address is at, as `[name, url]`, if it is a well-known one. */
export function webmailOf(address: string): [name: string, url: string] | undefined {
  const domain = domainOf(address);
  const found = services.find(([, , domains]) => domains.split(' ').includes(domain));
  return found && [found[0], `https://${found[1]}`];
}

/** True when `typed` is one edit away from `known`: a letter wrong, missing, extra, or two letters swapped. */
function oneEditAway(typed: string, known: string): boolean {
  let i = 0;
  while (typed[i] === known[i] && i < typed.length) i++;
  const rest = (a: number, b: number): boolean => typed.slice(a) === known.slice(b);
  return rest(i + 1, i + 1) || rest(i, i + 1) || rest(i + 1, i) || (typed[i] === known[i + 1] && typed[i + 1] === known[i] && rest(i + 2, i + 2));
}

/** The address with its domain corrected when it looks like a typo of a well-known one ("gmial.com"), else undefined. */
export function suggestAddress(address: string): string | undefined {
  const domain = domainOf(address);
  const at = address.lastIndexOf('@');
  if (at < 1 || webmailOf(address)) return undefined;
  const known = services.flatMap(([, , domains]) => domains.split(' ')).find((candidate) => candidate.length > 8 && oneEditAway(domain, candidate));
  return known && `${address.slice(0, at + 1).trim()}${known}`;
}
