/**
 * Steps a person takes in the flows, for `play` functions. Each one only clicks and types through the DOM (Testing
 * Library queries by role and label, as a screen-reader user would find things), then waits for what the person
 * would see next.
 */
import { expect, userEvent, waitFor, within } from 'storybook/test';
import type { FakeHomeserver } from '../../src/testing';

/** Queries bound to a story's canvas (`within(canvasElement)`). */
export type Canvas = ReturnType<typeof within>;

/** Flows answer from the fake in milliseconds; this only absorbs a slow CI machine. */
const SCREEN_TIMEOUT = 5000;

/**
 * Waits for the flow's screen with this heading. When the person's action changes the screen, the caret goes to the
 * field the screen is about (its first text or password field), or to the heading when it has none; pass
 * `{ focused: false }` for the first screen, which must not take focus from the host page.
 */
export async function findScreen(canvas: Canvas, heading: string | RegExp, { focused = true } = {}): Promise<HTMLElement> {
  const found = await canvas.findByRole('heading', { level: 2, name: heading }, { timeout: SCREEN_TIMEOUT });
  if (focused) {
    const screen: HTMLElement | null = found.closest('[data-threepid-part="root"]');
    await waitFor(() => expect(screen?.querySelector('input:not([type=checkbox])') ?? found).toHaveFocus(), { timeout: SCREEN_TIMEOUT });
  }
  return found;
}

/** The flow's own element carrying `data-threepid-part="<part>"` among those with this role (story tools have none). */
function flowPart(canvas: Canvas, role: string, part: string): HTMLElement {
  const found = canvas.getAllByRole(role).find((element: HTMLElement) => element.dataset.threepidPart === part);
  if (!found) throw new Error(`the flow has no ${part} (role ${role})`);
  return found;
}

/** The heading of the screen the flow shows now. */
export function flowHeading(canvas: Canvas): HTMLElement {
  return flowPart(canvas, 'heading', 'heading');
}

/** The description under the heading (the sentence naming the address, if any). */
export function flowDescription(canvas: Canvas): HTMLElement {
  const description = flowHeading(canvas).parentElement?.querySelector<HTMLElement>('[data-threepid-part="description"]');
  if (!description) throw new Error('the screen has no description');
  return description;
}

/** Waits for the flow's alert (`role="alert"`, the error in words) and checks its text. */
export async function expectAlert(canvas: Canvas, text: string | RegExp): Promise<HTMLElement> {
  const alert = await waitFor(
    () => {
      const alerts = canvas.getAllByRole('alert').filter((element: HTMLElement) => element.dataset.threepidPart === 'alert');
      if (alerts.length !== 1 || !alerts[0]) throw new Error(`expected one flow alert, found ${alerts.length}`);
      return alerts[0];
    },
    { timeout: SCREEN_TIMEOUT },
  );
  await expect(alert).toHaveTextContent(text);
  return alert;
}

/** The flow's polite live region (what a screen reader hears when a message is sent or the flow is done). */
export function flowStatus(canvas: Canvas): HTMLElement {
  return flowPart(canvas, 'status', 'status');
}

/** Types an email address into the flow's form and presses its submit button. */
export async function submitEmail(canvas: Canvas, address: string, submitLabel: string): Promise<void> {
  const input = await canvas.findByRole('textbox', { name: 'Email address' }, { timeout: SCREEN_TIMEOUT });
  await userEvent.clear(input);
  // An empty address is a submit of the empty form.
  if (address) await userEvent.type(input, address);
  await userEvent.click(canvas.getByRole('button', { name: submitLabel }));
}

/** Types a phone number (national form, the country select already right) and presses the submit button. */
export async function submitPhone(canvas: Canvas, number: string, submitLabel: string): Promise<void> {
  const input = await canvas.findByRole('textbox', { name: 'Phone number' }, { timeout: SCREEN_TIMEOUT });
  await userEvent.clear(input);
  await userEvent.type(input, number);
  await userEvent.click(canvas.getByRole('button', { name: submitLabel }));
}

/** Types the code into the code screen; a six-digit code sends itself, any other needs Verify. */
export async function submitCode(canvas: Canvas, code: string): Promise<void> {
  const input = canvas.getByRole('textbox', { name: 'Verification code' });
  await userEvent.clear(input);
  await userEvent.type(input, code);
  if (!/^\d{6}$/.test(code.replace(/[\s-]/g, ''))) await userEvent.click(canvas.getByRole('button', { name: 'Verify' }));
}

/** Types the account password on "Confirm it's you" and presses Confirm. */
export async function confirmPassword(canvas: Canvas, password: string): Promise<void> {
  const input = await canvas.findByLabelText('Password', { selector: 'input' }, { timeout: SCREEN_TIMEOUT });
  await userEvent.clear(input);
  await userEvent.type(input, password);
  await userEvent.click(canvas.getByRole('button', { name: 'Confirm' }));
}

/** Fills "Choose a new password" (both fields), optionally ticks "Sign out of my other devices", and submits. */
export async function chooseNewPassword(canvas: Canvas, password: string, options: { signOutOthers?: boolean; submit: string }): Promise<void> {
  await userEvent.type(await canvas.findByLabelText('New password', { selector: 'input' }), password);
  await userEvent.type(canvas.getByLabelText('Confirm new password', { selector: 'input' }), password);
  if (options.signOutOthers) await userEvent.click(canvas.getByRole('checkbox', { name: 'Sign out of my other devices' }));
  await userEvent.click(canvas.getByRole('button', { name: options.submit }));
}

/** The newest message the fake sent to `address`; fails the story when there is none. */
export async function latestMessage(hs: FakeHomeserver, address: string): Promise<{ token: string; link?: string }> {
  const message = await waitFor(() => {
    const found = hs.inbox.latest(address);
    if (!found) throw new Error(`nothing was sent to ${address}`);
    return found;
  });
  return message;
}

/** The person opens the email and follows its link: presses "Follow link" on the newest message in the fake inbox. */
export async function followLinkInInbox(canvas: Canvas): Promise<void> {
  const inbox = canvas.getByRole('region', { name: 'Fake inbox' });
  const messages = await within(inbox).findAllByRole('article');
  const newest = messages.at(-1);
  if (!newest) throw new Error('the fake inbox is empty');
  await userEvent.click(within(newest).getByRole('button', { name: 'Follow link' }));
  await within(newest).findByText(/^Link followed \(2\d\d\)$/, undefined, { timeout: SCREEN_TIMEOUT });
}

/** A code that is surely not `code`: same length, every digit shifted by one. */
export function wrongCodeFor(code: string): string {
  return code.replace(/\d/g, (digit) => String((Number(digit) + 1) % 10));
}
