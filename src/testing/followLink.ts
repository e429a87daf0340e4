import type { CoreHandler } from './core';
import type { FollowLinkResult } from './types';

function decodeEntities(text: string): string {
  return text
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

function attributes(tag: string): Map<string, string> {
  const attrs = new Map<string, string>();
  for (const m of tag.matchAll(/([a-zA-Z_:][-a-zA-Z0-9_:.]*)\s*=\s*"([^"]*)"/g)) {
    if (m[1] !== undefined && m[2] !== undefined) attrs.set(m[1].toLowerCase(), decodeEntities(m[2]));
  }
  return attrs;
}

/** The first POST form of a page: its action and its hidden fields, as a browser would submit them. */
function postForm(page: string): { action: string; fields: URLSearchParams } | undefined {
  const form = /<form\b[^>]*>([\s\S]*?)<\/form>/i.exec(page);
  if (!form?.[0] || form[1] === undefined) return undefined;
  const open = /<form\b[^>]*>/i.exec(form[0])?.[0] ?? '';
  const formAttrs = attributes(open);
  if ((formAttrs.get('method') ?? 'get').toLowerCase() !== 'post') return undefined;
  const fields = new URLSearchParams();
  for (const input of form[1].matchAll(/<input\b[^>]*>/gi)) {
    const attrs = attributes(input[0]);
    const name = attrs.get('name');
    if (name !== undefined && attrs.get('type') === 'hidden') fields.append(name, attrs.get('value') ?? '');
  }
  return { action: formAttrs.get('action') ?? '', fields };
}

/**
 * Does what a person's browser does with an emailed link: opens it and, when the page is a confirmation
 * form (password reset, SSO fallback), presses its button. Redirects (to next_link) are not followed.
 */
export async function followLink(core: CoreHandler, link: string): Promise<FollowLinkResult> {
  const url = new URL(link);
  const page = await core(new Request(url, { method: 'GET' }), { clientKey: 'browser' });
  const isHtml = page.headers.get('content-type')?.includes('text/html') ?? false;
  if (page.status !== 200 || !isHtml) {
    await page.body?.cancel();
    return { ok: page.status < 400, status: page.status };
  }
  const form = postForm(await page.text());
  if (!form) return { ok: true, status: page.status };
  const target = new URL(form.action, url);
  const answer = await core(
    new Request(target, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: form.fields.toString(),
    }),
    { clientKey: 'browser' },
  );
  await answer.body?.cancel();
  return { ok: answer.status < 400, status: answer.status };
}
