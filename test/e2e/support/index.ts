export { launchChromium, CHROMIUM_ARGS, CHROMIUM_PATH, type LaunchedChromium } from './chromium';
export { startDemo, type DemoPageOptions, type RunningDemo } from './demo';
export { startFakeHomeserver, accessTokenOf, type RunningHomeserver } from './homeserver';
export { watchPage, type CspViolation, type PageProblems } from './pageWatch';
export { screenshotter, SCREENSHOT_DIR } from './screenshots';
export { serveStatic, type StaticServer } from './staticServer';
