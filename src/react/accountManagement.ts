import type { AccountManagement, FlowPurpose } from '../flow/types';
import type { AuthMetadata, Capabilities, ThreepidClient } from '../protocol/types';

/**
 * Where an OAuth-era server makes this change, or undefined for a legacy server (or a client that cannot tell).
 * Add flows open the account page at its contact-details action; a reset gets the bare page, since the spec has no
 * action for it (PROTOCOL "OAuth-era homeservers").
 */
export async function findAccountManagement(client: ThreepidClient, purpose: FlowPurpose, signal?: AbortSignal): Promise<AccountManagement | undefined> {
  const metadata = await client.getAuthMetadata?.(signal);
  if (!metadata) return undefined;
  const url = (purpose === 'add' ? accountPageUrl(metadata) : metadata.accountManagementUri) ?? metadata.issuer;
  return { issuer: metadata.issuer, url };
}

/** The account page for contact details: `?action=org.matrix.profile` when the server lists it (or MSC4191's bare `profile`). */
export function accountPageUrl({ accountManagementUri, accountManagementActions }: AuthMetadata): string | undefined {
  if (!accountManagementUri) return undefined;
  const action = ['org.matrix.profile', 'profile'].find((name) => accountManagementActions.includes(name));
  if (!action) return accountManagementUri;
  const url = new URL(accountManagementUri);
  url.searchParams.set('action', action);
  return url.href;
}

/** What a flow learns about the server before showing a form. */
export interface ServerCheck {
  capabilities?: Capabilities | undefined;
  accountManagement?: AccountManagement | undefined;
}

/**
 * Add flows read capabilities; only a server that forbids 3PID changes is asked about OAuth (MAS-backed Synapse
 * reports `m.3pid_changes` false), so a legacy server that allows them costs no extra request. A reset has no
 * capabilities (it runs signed out) and asks about OAuth directly.
 */
export async function checkServer(client: ThreepidClient, purpose: FlowPurpose, signal?: AbortSignal): Promise<ServerCheck> {
  const capabilities = purpose === 'add' ? await client.getCapabilities(signal) : undefined;
  if (capabilities?.threepidChanges) return { capabilities };
  return { capabilities, accountManagement: await findAccountManagement(client, purpose, signal) };
}
