import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { PHONE_PACKAGES, phoneBytes } from './support/bundle';
import { describeHost } from './support/describeHost';
import { EMAIL_ONLY } from './support/hosts';

describeHost(EMAIL_ONLY, (host, built) => {
  it('should install without any phone package or msw beside the kit', () => {
    const installed = [...PHONE_PACKAGES, 'msw'].filter((name) => existsSync(join(host().dir, 'node_modules', name, 'package.json')));
    expect(installed).toEqual([]);
  });

  it('should ship 0 bytes of the phone library in the bundle, with ResetPasswordFlow mounted', async () => {
    expect(await phoneBytes(await built())).toBe(0);
  });
});
