/**
 * Well-known webmail services, `name inbox-host domain…` per entry. Kept short on purpose (every entry is bytes in
 * every flow); the typo suggestion only proposes these domains, and only the longer ones (one edit from "me.com"
 * is too many real domains).
 */
const services = [
  'Gmail mail.google.com gmail.com googlemail.com',
  'Outlook outlook.live.com outlook.com hotmail.com live.com',
  'Yahoo_Mail mail.yahoo.com yahoo.com',
  'iCloud_Mail icloud.com/mail icloud.com me.com',
  'Proton_Mail mail.proton.me proton.me protonmail.com',
].map((entry) => entry.replace('_', ' ').split(' '));

/** The domain of an address, lower case. */
const domainOf = (address: string): string => address.slice(address.lastIndexOf('@') + 1).toLowerCase();

/** The webmail service an address is at, as `[name, host]`, if it is a well-known one. */
export const webmailOf = (address: string): string[] | undefined => services.find((service) => service.indexOf(domainOf(address)) > 1);

/** True when `typed` is one edit away from `known`: a letter wrong, missing, extra, or two letters swapped. */
function oneEditAway(typed: string, known: string): boolean {
  let i = 0;
  while (typed[i] === known[i] && typed[i]) i++;
  const rest = (a: number, b = a): boolean => typed.slice(a) === known.slice(b);
  return rest(i + 1) || rest(i, i + 1) || rest(i + 1, i) || (typed[i] === known[i + 1] && typed[i + 1] === known[i] && rest(i + 2));
}

/** The address with its domain put right when it looks like a typo of a well-known one ("gmial.com"), else undefined. */
export function suggestAddress(address: string): string | undefined {
  const domain = domainOf(address);
  const known = webmailOf(address) || !address.includes('@') ? undefined : services.flatMap((service) => service.slice(2)).find((candidate) => candidate[8] && oneEditAway(domain, candidate));
  return known && address.replace(/@[^@]*$/, `@${known}`);
}
