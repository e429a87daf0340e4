import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, within } from 'storybook/test';
import { AddEmailFlow, ResetPasswordFlow, type MessageKey } from '../src';
import { AddPhoneFlow } from '../src/phone';
import { ALICE, NEW_EMAIL } from './support/accounts';
import { fakeHomeserverOf, withFakeHomeserver } from './support/fakeServer';
import { expectAlert, findScreen, flowDescription, flowHeading } from './support/play';
import { FlowBeside } from './support/StoryLayout';
import { storyLocales } from './support/storyLocale';

const text = (tag: string, key: MessageKey): string => storyLocales[tag]?.messages[key] ?? key;
const rootOf = (heading: HTMLElement): HTMLElement | null => heading.closest('[data-threepid-part="root"]');

/**
 * The flows in other languages: each story sets the toolbar's **Locale** (any story can be switched there), and its
 * `play` checks the language reached the screen with its direction, plural forms and country names.
 */
const meta = {
  title: 'Languages',
  component: AddEmailFlow,
  render: (args) => (
    <FlowBeside>
      <AddEmailFlow {...args} />
    </FlowBeside>
  ),
} satisfies Meta<typeof AddEmailFlow>;

export default meta;
type Story = StoryObj<typeof meta>;

/** German: the screen, its field and its `lang`, from `matrix-threepid-kit/locales/de`. */
export const German: Story = {
  ...withFakeHomeserver(),
  globals: { locale: 'de' },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const heading = await findScreen(canvas, text('de', 'addEmail.heading'), { focused: false });
    await expect(rootOf(heading)).toHaveAttribute('lang', 'de');
    await expect(canvas.getByRole('textbox', { name: text('de', 'email.label') })).toBeInTheDocument();
  },
};

/** Arabic lays the whole flow out right to left; the address stays isolated inside the sentence that names it. */
export const ArabicRightToLeft: Story = {
  ...withFakeHomeserver({ signedInAs: null }),
  globals: { locale: 'ar' },
  render: () => (
    <FlowBeside>
      <ResetPasswordFlow passwordStep="after-link" />
    </FlowBeside>
  ),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const heading = await findScreen(canvas, text('ar', 'reset.heading'), { focused: false });
    await expect(rootOf(heading)).toHaveAttribute('dir', 'rtl');
    const input = canvas.getByRole('textbox', { name: text('ar', 'email.label') });
    await userEvent.type(input, ALICE.email);
    await userEvent.click(canvas.getByRole('button', { name: text('ar', 'reset.submitEmail') }));
    await findScreen(canvas, text('ar', 'reset.link.heading'));
    await expect(flowDescription(canvas).querySelector('bdi')).toHaveTextContent(ALICE.email);
  },
};

/** Russian counts a server's wait with the right one of its plural forms ("51 секунду", not "51 секунд"). */
export const RussianPlurals: Story = {
  ...withFakeHomeserver(),
  globals: { locale: 'ru' },
  play: async (context) => {
    const canvas = within(context.canvasElement);
    fakeHomeserverOf(context).faults.inject({ endpoint: 'requestToken', kind: 'rateLimit', retryAfterMs: 51_000 });
    await findScreen(canvas, text('ru', 'addEmail.heading'), { focused: false });
    await userEvent.type(canvas.getByRole('textbox', { name: text('ru', 'email.label') }), NEW_EMAIL);
    await userEvent.click(canvas.getByRole('button', { name: text('ru', 'addEmail.submit') }));
    await expectAlert(canvas, /через 51 секунду\./);
  },
};

/** Japanese: country names come from the browser in the flow's language (`Intl.DisplayNames`), sorted in it. */
export const JapaneseCountryNames: Story = {
  ...withFakeHomeserver(),
  globals: { locale: 'ja' },
  render: () => (
    <FlowBeside>
      <AddPhoneFlow defaultCountry="GB" countries={['GB', 'JP', 'FR']} />
    </FlowBeside>
  ),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await findScreen(canvas, text('ja', 'addPhone.heading'), { focused: false });
    const select = canvas.getByRole('combobox', { name: text('ja', 'phone.countryLabel') });
    await expect(within(select).getByRole('option', { name: 'イギリス' })).toHaveProperty('selected', true);
    await expect(flowHeading(canvas)).toHaveTextContent(text('ja', 'addPhone.heading'));
  },
};
