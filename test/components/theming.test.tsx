import { render, screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { AddEmailFlow, ResetPasswordFlow, ThreepidProvider, type ClassNames } from '../../src';
import { parts, partStates } from '../../src/components/anatomy';
import { en } from '../../src/i18n/en';
import { wordings } from '../i18n/support/messageShape';
import { expectNoAxeViolations } from '../support/axe';
import { failOnConsoleNoise } from '../support/consoleGuard';
import { createHarness, findStep, renderKit, statusRegion } from '../support/flowHarness';
import { tours } from '../support/stepTour';

failOnConsoleNoise();
vi.setConfig({ testTimeout: 30_000 });

const knownParts = new Set<string>(parts);
const knownStates = partStates as Partial<Record<string, readonly string[]>>;

function describeElement(element: Element): string {
  const text = element.textContent?.trim().slice(0, 30) ?? '';
  return `<${element.tagName.toLowerCase()}${element.className ? ` class="${String(element.className)}"` : ''}>${text}`;
}

/** The flow's elements, leaving out the shapes inside an inline SVG (a flag): graphics, not parts. */
function flowElements(container: HTMLElement): Element[] {
  return [...container.querySelectorAll('*')].filter((element) => !element.parentElement?.closest('svg') && element.tagName.toLowerCase() !== 'svg');
}

/** Checks the theming contract on one screen: parts everywhere, known names and states, no inline style. */
function expectThemingContract(container: HTMLElement, screenName: string): void {
  const elements = flowElements(container);
  expect(elements.length, screenName).toBeGreaterThan(3);
  expect(elements.filter((e) => !e.hasAttribute('data-threepid-part')).map(describeElement), `${screenName}: elements without a part`).toEqual([]);
  const unknown = elements.map((e) => e.getAttribute('data-threepid-part') ?? '').filter((name) => !knownParts.has(name));
  expect(unknown, `${screenName}: parts the anatomy does not list`).toEqual([]);
  for (const element of elements) {
    const part = element.getAttribute('data-threepid-part') ?? '';
    const state = element.getAttribute('data-state');
    const allowed = knownStates[part];
    if (allowed) expect(allowed, `${screenName}: data-state of ${part}`).toContain(state);
  }
  // Strict CSP hosts forbid inline styles.
  expect(container.querySelectorAll('[style]'), `${screenName}: inline styles`).toHaveLength(0);
}

describe('theming contract on every screen', () => {
  it.each(Object.entries(tours))('should give every element of %s a known part, valid states and no inline style', async (_name, tour) => {
    await tour((screenName, container) => expectThemingContract(container, screenName));
  });

  it.each(Object.entries(tours))('should ship no kit class when unstyled, keeping the data attributes (%s)', async (_name, tour) => {
    await tour(
      (screenName, container) => {
        const kitClasses = [...container.querySelectorAll('[class]')].flatMap((e) => [...e.classList].filter((c) => c.startsWith('threepid-')));
        expect(kitClasses, screenName).toEqual([]);
        expect(flowElements(container).every((e) => e.hasAttribute('data-threepid-part')), screenName).toBe(true);
      },
      { unstyled: true },
    );
  });
});

const templates: string[] = Object.values(en).flatMap(wordings);
const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** A message with its placeholders filled by anything. */
const filledPatterns = templates.map((template) => new RegExp(`^${template.split(/\{\w+\}/).map(escapeRegExp).join('[\\s\\S]+?')}$`));
/** The literal pieces between placeholders (a description renders them apart from the `<bdi>` address). */
const pieces = new Set(templates.flatMap((template) => template.split(/\{\w+\}/)).map((piece) => piece.trim()));

/** Text the flow shows that does not come from the messages table (addresses, country names and dialling codes aside). */
function textNotFromTable(container: HTMLElement): string[] {
  const walker = document.createTreeWalker(container, NodeFilter.SHOW_TEXT);
  const strays: string[] = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node.textContent?.trim() ?? '';
    const parent = node.parentElement;
    if (!text || parent?.closest('option, svg, [data-threepid-part="address"], [data-threepid-part="dialCode"]')) continue;
    if (!pieces.has(text) && !filledPatterns.some((pattern) => pattern.test(text))) strays.push(text);
  }
  return strays;
}

describe('every text from the messages table', () => {
  it.each(Object.entries(tours))('should show only text from the table on every screen of %s', async (_name, tour) => {
    await tour((screenName, container) => {
      expect(textNotFromTable(container), screenName).toEqual([]);
    });
  });
});

describe('classNames', () => {
  const classNames: ClassNames = { root: 'card', heading: 'title', input: 'form-control', button: 'btn', status: 'sr-status' };

  it("should add the host's class per part beside the kit's", async () => {
    const { client } = createHarness();
    const { container } = renderKit(<AddEmailFlow classNames={classNames} />, client);
    const input = await screen.findByRole('textbox', { name: 'Email address' });
    expect(input).toHaveClass('threepid-input', 'form-control');
    expect(screen.getByRole('heading')).toHaveClass('threepid-heading', 'title');
    expect(screen.getByRole('button', { name: en['addEmail.submit'] })).toHaveClass('threepid-button', 'btn');
    expect(container.querySelector('[data-threepid-part="root"]')).toHaveClass('threepid-root', 'card');
    expect(statusRegion()).toHaveClass('sr-status');
    expect(container.querySelector('[data-threepid-part="label"]')).toHaveAttribute('class', 'threepid-label');
  });

  it("should keep only the host's classes when unstyled", async () => {
    const { client } = createHarness();
    renderKit(<AddEmailFlow classNames={classNames} unstyled />, client);
    const input = await screen.findByRole('textbox', { name: 'Email address' });
    expect(input).toHaveAttribute('class', 'form-control');
    expect(screen.getByRole('heading')).toHaveAttribute('class', 'title');
  });
});

describe('messages', () => {
  it('should take any subset from the messages prop, interpolating placeholders, English for the rest', async () => {
    const { client } = createHarness();
    const messages = {
      'addEmail.heading': 'Adresse hinzufügen',
      'email.label': 'E-Mail-Adresse',
      'addEmail.link.sent': 'Link an {address} gesendet.',
    };
    const { user } = renderKit(<AddEmailFlow messages={messages} pollIntervalMs={false} />, client);
    expect(await findStep('Adresse hinzufügen')).toBeInTheDocument();
    await user.type(screen.getByRole('textbox', { name: 'E-Mail-Adresse' }), 'new@example.org');
    await user.click(screen.getByRole('button', { name: en['addEmail.submit'] }));
    await findStep(en['addEmail.link.heading']);
    const sent = screen.getByText(/gesendet/);
    expect(sent).toHaveTextContent('Link an new@example.org gesendet.');
    expect(within(sent).getByText('new@example.org').tagName).toBe('BDI');
  });

  it("should take messages from the provider, with the prop winning over the provider's", async () => {
    const { client } = createHarness();
    render(
      <ThreepidProvider client={client} messages={{ 'addEmail.heading': 'From the provider', 'email.label': 'Provider label' }}>
        <AddEmailFlow messages={{ 'addEmail.heading': 'From the prop' }} />
      </ThreepidProvider>,
    );
    expect(await findStep('From the prop')).toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: 'Provider label' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: en['addEmail.submit'] })).toBeInTheDocument();
  });

  it('should word errors from the overridden table too', async () => {
    const { client } = createHarness();
    const { user } = renderKit(<AddEmailFlow messages={{ 'errors.threepidInUse': 'Schon vergeben.' }} />, client);
    await user.type(await screen.findByRole('textbox', { name: 'Email address' }), 'bob@example.org{Enter}');
    expect(await screen.findByRole('alert')).toHaveTextContent('Schon vergeben.');
  });
});

describe('right to left', () => {
  it('should render inside dir="rtl" with the address isolated, and stay accessible', async () => {
    const { client } = createHarness({}, { accessToken: null });
    const { user, container } = renderKit(
      <div dir="rtl" lang="ar">
        <ResetPasswordFlow passwordStep="after-link" messages={{ 'reset.link.sent': 'أرسلنا رابطًا إلى {address}.' }} />
      </div>,
      client,
    );
    await user.type(await screen.findByRole('textbox', { name: 'Email address' }), 'alice@example.org{Enter}');
    await findStep(en['reset.link.heading']);
    const address = screen.getByText('alice@example.org', { selector: 'bdi' });
    expect(address.closest('[dir="rtl"]')).not.toBeNull();
    expect(address.parentElement).toHaveTextContent('أرسلنا رابطًا إلى alice@example.org.');
    await expectNoAxeViolations(container, 'the RTL link step');
  });
});
