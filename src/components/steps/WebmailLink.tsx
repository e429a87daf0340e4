import type { ReactNode } from 'react';
import { useFlowUi } from '../FlowUi';
import { webmailOf } from '../webmail';

/** "Open Gmail" (or Outlook, …) on the waiting screen, for addresses at a well-known webmail service. */
export function WebmailLink({ address = '' }: { address?: string }): ReactNode {
  const { t, part } = useFlowUi();
  const webmail = webmailOf(address);
  return (
    webmail && (
      <a {...part('link')} href={webmail[1]} target="_blank" rel="noopener noreferrer">
        {t('email.openWebmail', { service: webmail[0] })}
      </a>
    )
  );
}
