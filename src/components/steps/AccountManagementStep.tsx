import type { ReactNode } from 'react';
import type { StepProps } from '../FlowScreens';
import { useFlowUi } from '../FlowUi';
import { Button } from '../parts/Button';
import { flowKey } from '../view';

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
  const threepids = account.threepids?.filter((t) => t.medium === state.config.medium);
  return (
    <>
      {threepids &&
        (threepids.length ? (
          <ul {...part('list')}>
            {threepids.map(({ medium, address }) => (
              <li key={address} {...part('listItem')}>
                {/* Phones come as MSISDN digits: shown in international form. */}
                <bdi {...part('address')}>{medium === 'msisdn' ? `+${address}` : address}</bdi>
              </li>
            ))}
          </ul>
        ) : (
          <p {...part('hint')}>{t(key === 'addPhone' ? 'addPhone.account.none' : 'addEmail.account.none')}</p>
        ))}
      <div {...part('actions')}>
        {/* The issuer was checked to be an http(s) URL when it was read. */}
        <a {...part('accountLink')} href={(key === 'reset' && recoveryUrl) || account.url} target="_blank" rel="noopener noreferrer">
          {t(`${key}.account.link`, { host: new URL(account.issuer).host })}
        </a>
        {onCancel && (
          <Button secondary onClick={onCancel}>
            {t('common.cancel')}
          </Button>
        )}
      </div>
    </>
  );
}
