import type { Locator, Page } from 'playwright-core';
import type { FakeHomeserver } from '../../src/testing';

/** The flows the bench runs, named as the bench page's `flow` parameter. */
export type BenchFlow = 'add-email' | 'add-phone' | 'reset';

/** How the person clicks: once, or twice in a row on every button (an impatient double click). */
export interface DriveOptions {
  doubleClick: boolean;
  /** Makes each run's address unique, so runs do not depend on each other. */
  run: number;
}

const ALICE_PASSWORD = 'correct horse';

async function press(button: Locator, { doubleClick }: DriveOptions): Promise<void> {
  if (doubleClick) await button.dblclick();
  else await button.click();
}

function waitForStep(page: Page, step: string): Promise<void> {
  return page.locator(`[data-threepid-part="root"][data-state="${step}"]`).waitFor({ timeout: 20_000 });
}

async function confirmPassword(page: Page, options: DriveOptions): Promise<void> {
  await waitForStep(page, 'authenticating');
  await page.getByLabel('Password', { exact: true }).fill(ALICE_PASSWORD);
  await press(page.getByRole('button', { name: 'Confirm' }), options);
  await waitForStep(page, 'done');
}

/** A national UK mobile number unique to the run (07400 1xxxxx). */
export function phoneOfRun(run: number): { national: string; e164: string } {
  const line = String(100000 + run).padStart(6, '0');
  return { national: `07400 ${line}`, e164: `+447400${line}` };
}

/** Drives the flow's happy path, the way a person would, until it says done. */
export async function driveHappyPath(page: Page, hs: FakeHomeserver, flow: BenchFlow, options: DriveOptions): Promise<void> {
  await waitForStep(page, 'enterAddress');
  switch (flow) {
    case 'add-email': {
      const address = `bench-${options.run}@example.org`;
      await page.getByLabel('Email address').fill(address);
      await press(page.getByRole('button', { name: 'Send verification email' }), options);
      await waitForStep(page, 'awaitingLink');
      await hs.followLink(hs.inbox.latest(address)?.link ?? '');
      await press(page.getByRole('button', { name: "I've opened the link" }), options);
      await confirmPassword(page, options);
      return;
    }
    case 'add-phone': {
      const phone = phoneOfRun(options.run);
      await page.getByLabel('Phone number').pressSequentially(phone.national);
      await press(page.getByRole('button', { name: 'Send code' }), options);
      await waitForStep(page, 'awaitingCode');
      // A whole code sends itself (issue #14): pressing Verify as well would race the button it turns busy.
      await page.getByLabel('Verification code').fill(hs.inbox.latest(phone.e164)?.token ?? '');
      await confirmPassword(page, options);
      return;
    }
    case 'reset': {
      const password = `bench password number ${options.run}`;
      await page.getByLabel('Email address').fill('alice@example.org');
      await press(page.getByRole('button', { name: 'Send reset link' }), options);
      await waitForStep(page, 'choosePassword');
      await page.getByLabel('New password', { exact: true }).fill(password);
      await page.getByLabel('Confirm new password').fill(password);
      await press(page.getByRole('button', { name: 'Continue' }), options);
      await waitForStep(page, 'awaitingLink');
      await hs.followLink(hs.inbox.latest('alice@example.org')?.link ?? '');
      await press(page.getByRole('button', { name: "I've opened the link" }), options);
      await waitForStep(page, 'done');
      return;
    }
  }
}

/** The field a person types the address into, for the render count. */
export function addressField(page: Page, flow: BenchFlow): Locator {
  return flow === 'add-phone' ? page.getByLabel('Phone number') : page.getByLabel('Email address');
}
