// The HTML pages a person sees: emailed link pages and the UIA fallback page, worded like Synapse's templates.

function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

function page(title: string, body: string, head = ''): string {
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>${head}
</head>
<body>
${body}
</body>
</html>
`;
}

function hidden(name: string, value: string): string {
  return `<input type="hidden" name="${escapeHtml(name)}" value="${escapeHtml(value)}">`;
}

/** Shown after an add/register link validated the address. */
export function addressValidatedPage(): string {
  return page(
    'Email validated',
    '<p>Your email has now been validated, please return to your client. You may now close this window.</p>',
  );
}

/** Shown after the reset confirmation button validated the address. */
export function resetValidatedPage(): string {
  return page(
    'Password reset',
    '<p>Your email has now been validated, please return to your client to reset your password. You may now close this window.</p>',
  );
}

/** Shown when a link does not validate (unknown session, wrong or expired token). */
export function validationFailedPage(reason: string): string {
  return page('Validation failed', `<p>The request failed for the following reason: ${escapeHtml(reason)}.</p>`);
}

/** The reset link's page: only pressing its button (a form POST) validates the address. */
export function resetConfirmationPage(fields: { sid: string; token: string; clientSecret: string }): string {
  return page(
    'Password reset confirmation',
    `<form method="post">
${hidden('sid', fields.sid)}
${hidden('token', fields.token)}
${hidden('client_secret', fields.clientSecret)}
<p>You have requested to <strong>reset your Matrix account's password</strong>. Click the button below to confirm this action.</p>
<p>If you did not mean to do this, please close this page and your password will not be changed.</p>
<p><button type="submit">Confirm changing my password</button></p>
</form>`,
  );
}

/** The SSO fallback page: its button stands in for signing in with the identity provider. */
export function ssoFallbackPage(session: string): string {
  return page(
    'Confirm your identity',
    `<form method="post">
${hidden('session', session)}
<p>Continue to confirm your identity with single sign-on.</p>
<p><button type="submit">Continue with SSO</button></p>
</form>`,
  );
}

/** Shown when the fallback stage is complete: tells the opener (the client) like Synapse's page does. */
export function fallbackDonePage(): string {
  const script = `<script>
if (window.onAuthDone) { window.onAuthDone(); }
else if (window.opener && window.opener.postMessage) { window.opener.postMessage("authDone", "*"); }
</script>`;
  return page('Success', '<p>Thank you. You may now close this window and return to the application.</p>', script);
}

/** Shown for a fallback page of an unknown session. */
export function fallbackFailedPage(): string {
  return page('Error', '<p>This authentication session is unknown or has expired.</p>');
}
