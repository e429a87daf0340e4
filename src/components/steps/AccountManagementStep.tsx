import type { ReactNode } from 'react';
import type { StepProps } from '../FlowScreens';
import { useFlowUi } from '../FlowUi';
import { Button } from '../parts/Button';
import { flowKey } from '../view';

/** The host name to show for a URL (the whole string when it is not one). */
function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}

/**
 * An OAuth-era server: nothing to type here. Add flows list the account's current addresses (read-only) and open the
 * account page; a reset opens the account service, or the host's exact recovery page.
 */
export function AccountManagementStep({ flow, recoveryUrl, onCancel }: StepProps): ReactNode {
  const { t, part } = useFlowUi();
  const { state } = flow;
  const account = state.accountManagement;
  if (!account) return null;
  const key = flowKey(state);
  const reset = key === 'reset';
  const { threepids } = account;
  return (
    <>
      {!reset && threepids && (
        <>
          <p {...part('subheading')}>{t(`${key}.account.list`)}</p>
          {threepids.length ? (
            <ul {...part('list')}>
              {threepids.map((address) => (
                <li key={address} {...part('listItem')}>
                  <bdi {...part('address')}>{address}</bdi>
                </li>
              ))}
            </ul>
          ) : (
            <p {...part('hint')}>{t(`${key}.account.none`)}</p>
          )}
        </>
      )}
      <div {...part('actions')}>
        <a {...part('accountLink')} href={(reset && recoveryUrl) || account.url} target="_blank" rel="noopener noreferrer">
          {t(`${key}.account.link`, { host: hostOf(account.issuer) })}
        </a>
        {onCancel && (
          <Button secondary onClick={onCancel}>
            {t('common.cancel')}
          </Button>
        )}
      </div>
      <p {...part('hint')}>{t(`${key}.account.hint`)}</p>
    </>
  );
}
