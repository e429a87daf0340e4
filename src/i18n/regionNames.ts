/**
 * Country names in the language `tag`, from the browser's own `Intl.DisplayNames` (no name tables shipped), keyed by
 * ISO 3166 code as the phone input's `labels` expect; `international` names the list's "+code" entry (`ZZ`).
 */
export function regionNames(tag: string, countries: readonly string[], international: string): Record<string, string> {
  const names = new Intl.DisplayNames(tag, { type: 'region' });
  const labels: Record<string, string> = { ZZ: international };
  for (const country of countries) labels[country] = names.of(country) ?? country;
  return labels;
}
