/** Request fields whose values are secrets, at any depth (`auth.password`, `threepid_creds.client_secret`…). */
const SECRET_FIELDS = ['client_secret', 'password', 'new_password', 'token', 'access_token'];

/** Every secret value in a request body. */
// Stryker disable next-line ArrayDeclaration: a non-empty default would only add its own placeholder text as a "secret".
export function secretsIn(value: unknown, into: string[] = []): string[] {
  if (typeof value === 'object' && value !== null) {
    for (const [key, field] of Object.entries(value)) {
      if (typeof field !== 'string') secretsIn(field, into);
      else if (SECRET_FIELDS.includes(key)) into.push(field);
    }
  }
  return into;
}

/** `text` with every secret, as sent or URL-encoded, replaced by `***`: a server may echo what it was sent. */
export function redact(text: string, secrets: readonly (string | undefined)[]): string {
  for (const secret of secrets) {
    if (!secret) continue;
    text = text.split(secret).join('***');
    try {
      text = text.split(encodeURIComponent(secret)).join('***');
    } catch {
      // A lone surrogate has no URL-encoded form to look for.
    }
  }
  return text;
}
