import { expect, it } from 'vitest';
import { phoneBytes } from './support/bundle';
import { describeHost } from './support/describeHost';
import { ALL_FLOWS } from './support/hosts';

describeHost(ALL_FLOWS, (_host, built) => {
  // The other side of the email-only host's 0 bytes: the same measure does see the phone library when it is used.
  it('should bundle the phone library when the phone flows are mounted', async () => {
    expect(await phoneBytes(await built())).toBeGreaterThan(10_000);
  });
});
