import { screen } from '@testing-library/react';
import { vi } from 'vitest';
import { AddEmailFlow, ResetPasswordFlow, type FlowUiProps } from '../../src';
import { AddPhoneFlow, phoneForm } from '../../src/phone';
import { en } from '../../src/i18n/en';
import { SEED_USERS } from '../../src/testing';
import { createHarness, enterPhone, findAlert, findStep, renderKit } from './flowHarness';
import { ALICE } from './renderFlow';

/** Called on each screen a tour reaches, with a name for it and the rendered container. */
export type Visit = (screenName: string, container: HTMLElement) => Promise<void> | void;

/** A walk through every screen (and error state) of one flow, calling `visit` on each. */
export type Tour = (visit: Visit, props?: FlowUiProps) => Promise<void>;

const EMAIL = 'new@example.org';
// A short country list: axe and the DOM walks look at every option, and ~250 of them only cost time.
const COUNTRIES = ['GB', 'FR', 'DE'] as const;
const CAROL_TOKEN = SEED_USERS.find((u) => u.userId === 'carol')?.accessToken ?? '';

const addEmailByLink: Tour = async (visit, props) => {
  const { hs, client } = createHarness({ latencyMs: 5 });
  const { user, container } = renderKit(<AddEmailFlow {...props} pollIntervalMs={false} onCancel={() => {}} />, client);
  await visit('checking', container);
  const input = await screen.findByRole('textbox', { name: 'Email address' });
  await visit('address', container);
  await user.type(input, 'not-an-address{Enter}');
  await screen.findByText(en['email.invalid']);
  await visit('address with a field error', container);
  await user.clear(input);
  await user.type(input, 'bob@example.org{Enter}');
  await findAlert(en['errors.threepidInUse']);
  await visit('address with a server error', container);
  await user.clear(input);
  await user.type(input, `${EMAIL}{Enter}`);
  await findStep(en['addEmail.link.heading']);
  await visit('link', container);
  await user.click(screen.getByRole('button', { name: en['addEmail.link.continue'] }));
  await findStep(en['auth.heading']);
  await visit('password', container);
  await user.type(screen.getByLabelText(en['auth.password.label']), 'wrong{Enter}');
  await findAlert(en['errors.wrongPassword']);
  await visit('password with an error', container);
  await user.clear(screen.getByLabelText(en['auth.password.label']));
  await user.type(screen.getByLabelText(en['auth.password.label']), `${ALICE.password}{Enter}`);
  await findAlert(en['errors.notYetValidated']);
  await visit('link not confirmed yet', container);
  await hs.followLink(hs.inbox.latest(EMAIL)?.link ?? '');
  await user.click(screen.getByRole('button', { name: en['addEmail.link.continue'] }));
  await findStep(en['addEmail.done.heading']);
  await visit('done', container);
};

const addEmailByCode: Tour = async (visit, props) => {
  const { client } = createHarness({ emailSubmitUrl: true });
  const { user, container } = renderKit(<AddEmailFlow {...props} />, client);
  await user.type(await screen.findByRole('textbox', { name: 'Email address' }), `${EMAIL}{Enter}`);
  await findStep(en['addEmail.code.heading']);
  await visit('code', container);
  await user.type(screen.getByRole('textbox', { name: en['code.label'] }), ' {Enter}');
  await screen.findByText(en['code.required'], { selector: '[data-threepid-part="fieldError"]' });
  await visit('code with a field error', container);
  await user.type(screen.getByRole('textbox', { name: en['code.label'] }), 'abcdef{Enter}');
  await findAlert(en['errors.invalidCode']);
  await visit('code with a server error', container);
};

const addEmailWithSso: Tour = async (visit, props) => {
  const { hs, client } = createHarness({}, { accessToken: CAROL_TOKEN });
  const open = vi.spyOn(window, 'open').mockReturnValue(null);
  try {
    const { user, container } = renderKit(<AddEmailFlow {...props} pollIntervalMs={false} />, client);
    await user.type(await screen.findByRole('textbox', { name: 'Email address' }), `${EMAIL}{Enter}`);
    await findStep(en['addEmail.link.heading']);
    await hs.followLink(hs.inbox.latest(EMAIL)?.link ?? '');
    await user.click(screen.getByRole('button', { name: en['addEmail.link.continue'] }));
    await findStep(en['auth.heading']);
    await visit('single sign-on', container);
    await user.click(screen.getByRole('button', { name: en['auth.sso.button'] }));
    await findAlert(en['errors.popupBlocked']);
    await visit('single sign-on window blocked', container);
  } finally {
    open.mockRestore();
  }
};

const addEmailHostAuth: Tour = async (visit, props) => {
  const { hs, client } = createHarness();
  const { user, container } = renderKit(<AddEmailFlow {...props} pollIntervalMs={false} onAuthRequired={() => new Promise(() => {})} />, client);
  await user.type(await screen.findByRole('textbox', { name: 'Email address' }), `${EMAIL}{Enter}`);
  await findStep(en['addEmail.link.heading']);
  await hs.followLink(hs.inbox.latest(EMAIL)?.link ?? '');
  await user.click(screen.getByRole('button', { name: en['addEmail.link.continue'] }));
  await screen.findByText(en['auth.host.waiting']);
  await visit("waiting for the host's dialog", container);
};

const addEmailUnavailable: Tour = async (visit, props) => {
  const { client } = createHarness({ capabilities: { threepidChanges: false } });
  const { container } = renderKit(<AddEmailFlow {...props} onCancel={() => {}} />, client);
  await findStep(en['unavailable.threepidChangesDisabled.heading']);
  await visit('3PID changes disabled', container);
};

const addPhone: Tour = async (visit, props) => {
  const { hs, client } = createHarness();
  const { user, container } = renderKit(<AddPhoneFlow {...props} defaultCountry="GB" countries={[...COUNTRIES]} />, client);
  await findStep(en['addPhone.heading']);
  await visit('phone number', container);
  await enterPhone(user, 'GB', '0740');
  await user.keyboard('{Enter}');
  await screen.findByText(en['phone.invalid']);
  await visit('phone number with a field error', container);
  await enterPhone(user, 'GB', '07400 123456');
  await user.keyboard('{Enter}');
  await findStep(en['addPhone.code.heading']);
  await visit('code', container);
  await user.type(screen.getByRole('textbox', { name: en['code.label'] }), `${hs.inbox.latest('+447400123456')?.token ?? ''}{Enter}`);
  await findStep(en['auth.heading']);
  await user.type(screen.getByLabelText(en['auth.password.label']), `${ALICE.password}{Enter}`);
  await findStep(en['addPhone.done.heading']);
  await visit('done', container);
};

const addPhoneUnsupported: Tour = async (visit, props) => {
  const { client } = createHarness({ msisdnSupported: false });
  const { user, container } = renderKit(<AddPhoneFlow {...props} defaultCountry="GB" countries={[...COUNTRIES]} />, client);
  await findStep(en['addPhone.heading']);
  await enterPhone(user, 'GB', '07400 123456');
  await user.keyboard('{Enter}');
  await findStep(en['unavailable.phoneNotSupported.heading']);
  await visit('phone not supported', container);
};

const resetByEmail: Tour = async (visit, props) => {
  const { hs, client } = createHarness({}, { accessToken: null });
  const { user, container } = renderKit(<ResetPasswordFlow {...props} media={['email', 'msisdn']} phoneForm={phoneForm} pollIntervalMs={false} />, client);
  await findStep(en['reset.heading']);
  await visit('address with the medium switch', container);
  await user.type(screen.getByRole('textbox', { name: 'Email address' }), 'alice@example.org{Enter}');
  await findStep(en['reset.password.heading']);
  await visit('new password', container);
  await user.type(screen.getByLabelText(en['reset.password.newLabel']), 'short');
  await user.click(screen.getByRole('checkbox', { name: en['reset.password.logoutDevices'] }));
  const [showNew] = screen.getAllByRole('button', { name: en['common.showPassword'] });
  if (showNew) await user.click(showNew);
  await user.click(screen.getByRole('button', { name: en['common.continue'] }));
  await screen.findByText(en['reset.password.confirmRequired']);
  await visit('new password with errors, shown, signing out other devices', container);
  await user.clear(screen.getByLabelText(en['reset.password.newLabel']));
  await user.type(screen.getByLabelText(en['reset.password.newLabel']), 'a much better secret');
  await user.type(screen.getByLabelText(en['reset.password.confirmLabel']), 'a much better secret{Enter}');
  await findStep(en['reset.link.heading']);
  await visit('link', container);
  await hs.followLink(hs.inbox.latest('alice@example.org')?.link ?? '');
  await user.click(screen.getByRole('button', { name: en['reset.link.continue'] }));
  await findStep(en['reset.done.heading']);
  await visit('done', container);
};

const resetByPhone: Tour = async (visit, props) => {
  // Reset by phone is spec-only (Synapse refuses it): asked for explicitly.
  const { client } = createHarness(
    { resetByPhone: true, users: [...SEED_USERS, { userId: 'dave', password: 'old password', phones: ['+447400123456'] }] },
    { accessToken: null },
  );
  const { user, container } = renderKit(<ResetPasswordFlow {...props} media={['msisdn']} phoneForm={phoneForm} passwordStep="after-link" defaultCountry="GB" countries={[...COUNTRIES]} />, client);
  await findStep(en['reset.heading']);
  await visit('phone number', container);
  await enterPhone(user, 'GB', '07400 123456');
  await user.keyboard('{Enter}');
  await findStep(en['reset.code.heading']);
  await visit('code', container);
};

const resetByPhoneNotOffered: Tour = async (visit, props) => {
  const { client } = createHarness({ resetByPhone: false }, { accessToken: null });
  const { user, container } = renderKit(
    <ResetPasswordFlow {...props} media={['msisdn', 'email']} phoneForm={phoneForm} passwordStep="after-link" defaultCountry="GB" countries={[...COUNTRIES]} />,
    client,
  );
  await findStep(en['reset.heading']);
  await enterPhone(user, 'GB', '07400 123456');
  await user.keyboard('{Enter}');
  await findStep(en['unavailable.notOffered.heading']);
  await visit('reset by phone not offered', container);
};

// Synapse asks for the password while the person waits for the link (the link screen with its prompt).
const addEmailConfirmWhileWaiting: Tour = async (visit, props) => {
  const { client } = createHarness();
  const { user, container } = renderKit(<AddEmailFlow {...props} pollIntervalMs={500} />, client);
  await user.type(await screen.findByRole('textbox', { name: 'Email address' }), `${EMAIL}{Enter}`);
  await screen.findByRole('heading', { name: en['addEmail.link.authHeading'] });
  await visit('link asking for the password', container);
  await user.type(screen.getByLabelText(en['auth.password.label']), 'wrong{Enter}');
  await findAlert(en['errors.wrongPassword']);
  await visit('link asking again after a wrong password', container);
};

// An OAuth-era server: the account screen of each flow.
const onOAuthServer: Tour = async (visit, props) => {
  const add = createHarness({ preset: 'oauth' });
  const first = renderKit(<AddEmailFlow {...props} onCancel={() => {}} />, add.client);
  await screen.findByText('alice@example.org');
  await visit('add email: account page', first.container);
  first.unmount();
  const reset = createHarness({ preset: 'oauth' }, { accessToken: null });
  const second = renderKit(<ResetPasswordFlow {...props} />, reset.client);
  await findStep(en['reset.account.heading']);
  await visit('reset: account page', second.container);
};

/** Every tour, by name: together they reach every screen of the three flows. */
export const tours: Record<string, Tour> = {
  'AddEmailFlow by link': addEmailByLink,
  'AddEmailFlow by code': addEmailByCode,
  'AddEmailFlow with single sign-on': addEmailWithSso,
  "AddEmailFlow with the host's auth dialog": addEmailHostAuth,
  'AddEmailFlow unavailable': addEmailUnavailable,
  AddPhoneFlow: addPhone,
  'AddPhoneFlow unsupported': addPhoneUnsupported,
  'ResetPasswordFlow by email': resetByEmail,
  'ResetPasswordFlow by phone': resetByPhone,
  'ResetPasswordFlow by phone not offered': resetByPhoneNotOffered,
  'AddEmailFlow confirming while waiting': addEmailConfirmWhileWaiting,
  'Flows on an OAuth-era server': onOAuthServer,
};
