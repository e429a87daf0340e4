// One place for how every tool here starts Chromium: Debian's binary (never one a tool downloads) and flags that
// keep it headless, sandbox-free (containers) and off the network by itself (TOOLCHAIN.md).

/** Debian's Chromium, or CHROMIUM_PATH. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Launch flags. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
