import { canonicalAddress, mediumOf } from './addresses';
import type { FakeInbox, InboxMessage } from './types';

/** The messages the fake homeserver "sent", with subscriptions for hosts that show them live. */
export class Inbox implements FakeInbox {
  private messages: InboxMessage[] = [];
  private readonly listeners = new Set<(message: InboxMessage) => void>();

  all(): InboxMessage[] {
    return [...this.messages];
  }

  latest(address: string): InboxMessage | undefined {
    const to = canonicalAddress(mediumOf(address), address);
    for (let i = this.messages.length - 1; i >= 0; i -= 1) {
      const message = this.messages[i];
      if (message?.to === to) return message;
    }
    return undefined;
  }

  clear(): void {
    this.messages = [];
  }

  subscribe(listener: (message: InboxMessage) => void): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  /** Records a sent message and tells the subscribers. */
  deliver(message: InboxMessage): void {
    this.messages.push(message);
    for (const listener of [...this.listeners]) listener(message);
  }
}
