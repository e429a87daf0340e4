import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { AddEmailFlow } from '../../src';
import { ALICE, fakeSetup, renderFlow } from '../support/renderFlow';

describe('AddEmailFlow smoke', () => {
  it('should add an email by following the link and confirming the password', async () => {
    const { hs, client } = fakeSetup();
    const onComplete = vi.fn();
    const { user } = renderFlow(<AddEmailFlow onComplete={onComplete} pollIntervalMs={false} />, client);
    const input = await screen.findByLabelText('Email address');
    await user.type(input, 'new@example.org');
    await user.click(screen.getByRole('button', { name: 'Send verification email' }));
    expect(await screen.findByRole('heading', { name: 'Check your email' })).toBeInTheDocument();
    const message = hs.inbox.latest('new@example.org');
    expect(message?.link).toBeDefined();
    await user.click(screen.getByRole('button', { name: "I've opened the link" }));
    expect(await screen.findByRole('heading', { name: "Confirm it's you" })).toBeInTheDocument();
    await user.type(screen.getByLabelText('Password'), ALICE.password);
    await user.click(screen.getByRole('button', { name: 'Confirm' }));
    expect(await screen.findByRole('alert')).toHaveTextContent("We can't see that you've confirmed yet");
    await hs.followLink(message?.link ?? '');
    await user.click(screen.getByRole('button', { name: "I've opened the link" }));
    await waitFor(() => expect(onComplete).toHaveBeenCalledWith({ purpose: 'add', medium: 'email', address: 'new@example.org' }));
    expect(screen.getByRole('heading', { name: 'Email address added' })).toHaveFocus();
  });
});
