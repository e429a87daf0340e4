import type { Meta, StoryObj } from '@storybook/react-vite';
import type { ReactNode } from 'react';
import { expect, userEvent, within } from 'storybook/test';
import { AddEmailFlow, type ClassNames, type Messages } from '../src';
import compoundCss from '../src/styles/themes/compound.css?inline';
import { NEW_EMAIL } from './support/accounts';
import { withFakeHomeserver } from './support/fakeServer';
import { findScreen, submitEmail } from './support/play';
import './Theming.css';

const SEND = 'Send verification email';

/** The flow's root element (`data-threepid-part="root"`) inside the story. */
function flowRoot(canvasElement: HTMLElement): HTMLElement {
  const root = canvasElement.querySelector<HTMLElement>('[data-threepid-part="root"]');
  if (!root) throw new Error('no flow root in the story');
  return root;
}

/** The primary button of the current screen. */
function primaryButton(canvasElement: HTMLElement): HTMLElement {
  const button = canvasElement.querySelector<HTMLElement>('[data-threepid-part="button"]:not([data-variant="secondary"])');
  if (!button) throw new Error('no primary button in the story');
  return button;
}

/** Sends the email so the "Check your email" screen shows most parts: address, hints, buttons, resend countdown. */
async function toLinkScreen(canvasElement: HTMLElement): Promise<void> {
  const canvas = within(canvasElement);
  await submitEmail(canvas, NEW_EMAIL, SEND);
  await findScreen(canvas, 'Check your email');
}

function Stage({ className = '', children, ...attributes }: { className?: string; children: ReactNode; dir?: 'rtl'; lang?: string; 'data-theme'?: 'light' | 'dark' }): ReactNode {
  return (
    <div className={`story-stage ${className}`.trim()} {...attributes}>
      {children}
    </div>
  );
}

/**
 * How the kit takes a host's look: its CSS variables, light and dark, the Compound (Element) preset, `unstyled` with
 * the host's own classes, and right-to-left text with a translated message table. Each story sends an email first,
 * so the screen shows most parts.
 */
const meta = {
  title: 'Theming',
  component: AddEmailFlow,
  ...withFakeHomeserver(),
} satisfies Meta<typeof AddEmailFlow>;

export default meta;
type Story = StoryObj<typeof meta>;

/** The default theme, forced light with `data-theme="light"` on an ancestor (otherwise it follows the system). */
export const Light: Story = {
  render: (args) => (
    <Stage data-theme="light">
      <AddEmailFlow {...args} />
    </Stage>
  ),
  play: async ({ canvasElement }) => {
    await toLinkScreen(canvasElement);
    // The root paints nothing: the host's page shows through (--threepid-surface makes a card).
    await expect(getComputedStyle(flowRoot(canvasElement)).backgroundColor).toBe('rgba(0, 0, 0, 0)');
    await expect(getComputedStyle(flowRoot(canvasElement)).color).toBe('rgb(27, 29, 34)');
    await expect(getComputedStyle(primaryButton(canvasElement)).backgroundColor).toBe('rgb(11, 92, 213)');
  },
};

/** The default theme, forced dark with `data-theme="dark"`. */
export const Dark: Story = {
  render: (args) => (
    <Stage className="story-stage-dark" data-theme="dark">
      <AddEmailFlow {...args} />
    </Stage>
  ),
  play: async ({ canvasElement }) => {
    await toLinkScreen(canvasElement);
    const root = getComputedStyle(flowRoot(canvasElement));
    await expect(root.backgroundColor).toBe('rgba(0, 0, 0, 0)');
    await expect(root.color).toBe('rgb(236, 238, 241)');
    await expect(root.colorScheme).toBe('dark');
  },
};

/**
 * `matrix-threepid-kit/themes/compound.css` maps the kit onto Element's Compound tokens (`--cpd-*`). Inside Element
 * the tokens exist already; here the story defines a few. The preset is mounted with this story only.
 */
export const CompoundPreset: Story = {
  name: 'Compound (Element) preset',
  render: (args) => (
    <Stage className="story-compound">
      <style>{compoundCss}</style>
      <AddEmailFlow {...args} />
    </Stage>
  ),
  play: async ({ canvasElement }) => {
    await toLinkScreen(canvasElement);
    const button = getComputedStyle(primaryButton(canvasElement));
    await expect(button.backgroundColor).toBe('rgb(27, 29, 34)');
    // Compound's buttons are pills.
    await expect(Number.parseFloat(button.borderTopLeftRadius)).toBeGreaterThan(100);
    await expect(getComputedStyle(flowRoot(canvasElement)).fontFamily).toMatch(/^Inter/);
  },
};

/** A custom brand: the host sets `--threepid-*` variables in its own (unlayered) CSS; no `!important` needed. */
export const CustomBrand: Story = {
  name: 'Custom brand (CSS variables)',
  render: (args) => (
    <Stage className="story-brand">
      <AddEmailFlow {...args} />
    </Stage>
  ),
  play: async ({ canvasElement }) => {
    await toLinkScreen(canvasElement);
    const button = getComputedStyle(primaryButton(canvasElement));
    await expect(button.backgroundColor).toBe('rgb(138, 44, 13)');
    await expect(button.borderTopLeftRadius).toBe('0px');
    await expect(getComputedStyle(flowRoot(canvasElement)).fontFamily).toMatch(/^Georgia/);
  },
};

const hostClasses: ClassNames = {
  root: 'host-card',
  heading: 'host-title',
  description: 'host-text',
  hint: 'host-text',
  field: 'host-field',
  input: 'host-input',
  button: 'host-button',
  link: 'host-quiet-button',
  resend: 'host-quiet-button',
  alert: 'host-alert',
};

/**
 * `unstyled` drops the kit's `threepid-*` class names and `classNames` adds the host's own, utility-class style.
 * The kit's stylesheet is loaded for every story, but its rules need the `threepid-*` classes, so only the host's
 * classes style this flow.
 */
export const UnstyledWithHostClasses: Story = {
  name: 'Unstyled, with host classes',
  args: { unstyled: true, classNames: hostClasses },
  render: (args) => (
    <Stage>
      <AddEmailFlow {...args} />
    </Stage>
  ),
  play: async ({ canvasElement }) => {
    await toLinkScreen(canvasElement);
    const kitClassed = [...canvasElement.querySelectorAll('[class]')].filter((element) =>
      [...element.classList].some((name) => name.startsWith('threepid-')),
    );
    await expect(kitClassed).toHaveLength(0);
    await expect(flowRoot(canvasElement)).toHaveClass('host-card');
    const button = primaryButton(canvasElement);
    await expect(button).toHaveClass('host-button');
    await expect(getComputedStyle(button).backgroundColor).toBe('rgb(15, 118, 110)');
    await expect(getComputedStyle(button).textTransform).toBe('uppercase');
  },
};

/** Arabic for the screens this story shows; every other message falls back to English. */
const arabic: Partial<Messages> = {
  'common.sending': 'جارٍ الإرسال…',
  'common.checking': 'جارٍ التحقق…',
  'common.verifying': 'جارٍ التأكيد…',
  'common.cancel': 'إلغاء',
  'common.showPassword': 'إظهار كلمة المرور',
  'common.hidePassword': 'إخفاء كلمة المرور',
  'common.changeEmail': 'استخدام عنوان بريد إلكتروني آخر',
  'common.resendEmail': 'إعادة إرسال الرسالة',
  'common.resendIn': 'إعادة الإرسال بعد {seconds} ث',
  'common.emailSent': 'أُرسلت رسالة إلى {address}',
  'common.emailResent': 'أُرسلت رسالة جديدة',
  'checking.heading': 'لحظة من فضلك',
  'checking.status': 'جارٍ التحقق مما يدعمه خادمك…',
  'email.label': 'البريد الإلكتروني',
  'email.required': 'أدخل عنوان بريد إلكتروني',
  'email.invalid': 'أدخل عنوان بريد إلكتروني مثل name@example.com',
  'addEmail.heading': 'إضافة عنوان بريد إلكتروني',
  'addEmail.hint': 'سنرسل رابطًا لتأكيد أن العنوان لك. يمكنك بعدها استخدامه لإعادة تعيين كلمة المرور.',
  'addEmail.submit': 'إرسال رسالة التحقق',
  'addEmail.link.heading': 'تحقّق من بريدك الإلكتروني',
  'addEmail.link.sent': 'أرسلنا رابطًا إلى {address}.',
  'addEmail.link.instructions': 'افتح الرابط ثم عُد إلى هنا، فالصفحة التي تفتح ليست الخطوة الأخيرة.',
  'addEmail.link.autoDetect': 'تتحدّث هذه الصفحة تلقائيًا بعد فتح الرابط.',
  'addEmail.link.continue': 'فتحتُ الرابط',
  'auth.heading': 'أكِّد هويتك',
  'auth.password.label': 'كلمة المرور',
  'auth.password.required': 'أدخل كلمة المرور',
  'auth.password.submit': 'تأكيد',
  'addEmail.done.heading': 'أُضيف عنوان البريد الإلكتروني',
  'addEmail.done.description': 'أُضيف {address} إلى حسابك.',
  'errors.threepidInUse': 'هذا العنوان مرتبط بحساب بالفعل. استخدم عنوانًا آخر.',
  'errors.notYetValidated': 'لم نتمكن من التأكد من أنك فتحت الرابط بعد. افتح الرابط الذي أرسلناه، ثم حاول مرة أخرى.',
  'errors.wrongPassword': 'كلمة المرور غير صحيحة. حاول مرة أخرى.',
  'errors.rateLimited': 'محاولات كثيرة جدًا. حاول مرة أخرى بعد {seconds} ثانية.',
  'errors.offline': 'تعذّر الوصول إلى خادمك. تحقّق من اتصالك ثم حاول مرة أخرى.',
  'errors.server': 'حدث خطأ في خادمك. حاول مرة أخرى بعد قليل.',
};

/**
 * Right to left: `dir="rtl"` on an ancestor and an Arabic `messages` table. The layout mirrors (logical properties);
 * the email address stays left to right inside the Arabic sentence (`<bdi>`).
 */
export const RightToLeft: Story = {
  name: 'Right to left, translated',
  args: { messages: arabic },
  render: (args) => (
    <Stage dir="rtl" lang="ar">
      <AddEmailFlow {...args} />
    </Stage>
  ),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.type(await canvas.findByRole('textbox', { name: 'البريد الإلكتروني' }), NEW_EMAIL);
    await userEvent.click(canvas.getByRole('button', { name: 'إرسال رسالة التحقق' }));
    await findScreen(canvas, 'تحقّق من بريدك الإلكتروني');
    await expect(getComputedStyle(flowRoot(canvasElement)).direction).toBe('rtl');
    const address = canvas.getByText(NEW_EMAIL, { selector: 'bdi' });
    await expect(getComputedStyle(address).direction).toBe('ltr');
    await expect(canvas.getByRole('button', { name: 'فتحتُ الرابط' })).toBeInTheDocument();
    await expect(canvas.getByRole('button', { name: /^إعادة الإرسال بعد \d+ ث$/ })).toHaveAttribute('aria-disabled', 'true');
  },
};
