// Refreshes docs/screenshot.png, the README's picture of `npm start`: builds the static Storybook, serves it on
// 127.0.0.1, opens a Playground story in Debian's Chromium and saves what a visitor sees.
//
//   node scripts/screenshot.js [--story <story-id>] [--static <built storybook dir>] [--out docs/screenshot.png]
//
// Without --story it takes the AddEmailFlow Playground (any Playground, else the Fake inbox tool story).
//
//   node scripts/screenshot.js --steps [--static <dir>] [--only <text in story ids>] [--out screenshots]
//
// --steps pictures every step of each flow (every story under Flows/, each reached by its play function) at 390 px
// and 1280 px wide, on a light page, a dark page and in Arabic (right to left), as
// <out>/<story-id>--<look>--<width>.png (gitignored), and puts each story's six on one contact sheet,
// <out>/sheets/<story-id>.png, to look at them side by side.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, extname, join, resolve, sep } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './chromium.js';

const root = resolve(import.meta.dirname, '..');
const { values } = parseArgs({
  options: {
    story: { type: 'string' },
    static: { type: 'string' },
    out: { type: 'string' },
    steps: { type: 'boolean', default: false },
    only: { type: 'string' },
  },
});
const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
};
const temporary = [];

function buildStorybook() {
  const outDir = mkdtempSync(join(tmpdir(), 'threepid-storybook-'));
  temporary.push(outDir);
  const bin = join(root, 'node_modules/storybook/dist/bin/dispatcher.js');
  const run = spawnSync(process.execPath, [bin, 'build', '-o', outDir, '--quiet', '--disable-telemetry'], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, STORYBOOK_DISABLE_TELEMETRY: '1', CI: '1' },
  });
  if (run.status !== 0) throw new Error('storybook build failed');
  return outDir;
}

function serve(folder) {
  const base = resolve(folder);
  const server = createServer((request, response) => {
    const { pathname } = new URL(request.url ?? '/', 'http://127.0.0.1');
    let file = resolve(base, `.${decodeURIComponent(pathname)}`);
    if (file !== base && !file.startsWith(base + sep)) return void response.writeHead(404).end();
    try {
      if (statSync(file).isDirectory()) file = join(file, 'index.html');
      const body = readFileSync(file);
      response.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(body);
    } catch {
      response.writeHead(404).end();
    }
  });
  return new Promise((done) => server.listen(0, '127.0.0.1', () => done(server)));
}

function pickStory(folder) {
  if (values.story) return values.story;
  const index = JSON.parse(readFileSync(join(folder, 'index.json'), 'utf8'));
  const stories = Object.values(index.entries).filter((entry) => entry.type === 'story');
  const playgrounds = stories.filter((entry) => entry.name === 'Playground');
  const chosen =
    playgrounds.find((entry) => /add-?email/i.test(entry.id)) ??
    playgrounds[0] ??
    stories.find((entry) => entry.id === 'tools-fake-inbox--receive-and-follow-link');
  if (!chosen) throw new Error('no Playground story found; pass --story <id>');
  return chosen.id;
}

// The picture is taken once the story's play function (if any) has run to the end.
async function storyPlayed(frame, storyId) {
  const phase = await frame
    .waitForFunction(
      (id) => {
        const render = Reflect.get(window, '__STORYBOOK_PREVIEW__')?.currentRender;
        const current = render?.id === id && render.phase;
        return ['completed', 'afterEach', 'finished', 'errored', 'aborted'].includes(current) && current;
      },
      storyId,
      { timeout: 60_000 },
    )
    .then((handle) => handle.jsonValue());
  if (phase === 'errored' || phase === 'aborted') throw new Error(`story ${storyId} ${phase}`);
}

async function readme(context, port, folder) {
  const storyId = pickStory(folder);
  const out = resolve(root, values.out ?? 'docs/screenshot.png');
  const page = await context.newPage();
  await page.goto(`http://127.0.0.1:${port}/?path=/story/${storyId}`);
  const preview = page.frameLocator('#storybook-preview-iframe');
  await preview.locator('#storybook-root > *').first().waitFor({ state: 'visible', timeout: 30_000 });
  const frame = page.frame({ url: /iframe\.html/ });
  if (!frame) throw new Error('no Storybook preview frame');
  await storyPlayed(frame, storyId);
  await page.waitForLoadState('networkidle');
  mkdirSync(dirname(out), { recursive: true });
  await page.screenshot({ path: out });
  console.log(`saved ${out} (story ${storyId})`);
}

// Each story is played once, in English on the light page; the same screen is then pictured on the dark page and in
// Arabic, right to left, without playing it again (Storybook's globals would run its loaders: a fresh fake).
const LOOKS = ['light', 'dark', 'rtl'];
const RTL_LOCALE = 'ar';
const WIDTHS = [390, 1280];
// Sent to stories/support/storyLocale.tsx, which re-renders the story in that language.
const LOCALE_EVENT = 'threepid-story-locale';

function setLook(page, look) {
  return page.evaluate(
    ({ look, tag, event }) => {
      const backdrop = document.querySelector('.story-backdrop');
      if (backdrop instanceof HTMLElement) {
        backdrop.dataset.theme = look === 'dark' ? 'dark' : 'light';
        backdrop.dir = look === 'rtl' ? 'rtl' : 'ltr';
      }
      window.dispatchEvent(new CustomEvent(event, { detail: look === 'rtl' ? tag : 'en' }));
    },
    { look, tag: RTL_LOCALE, event: LOCALE_EVENT },
  );
}

// A field's error was worded when it was checked, in English: check it again in the new language, as the next
// keystroke would (react-hook-form checks again on every change once the form was sent).
function reword(page) {
  return page.evaluate(() => {
    for (const input of document.querySelectorAll('[data-threepid-part=root] input[aria-invalid=true]')) {
      // React passes on an input event only when the value changed: make it forget the value it saw.
      Reflect.get(input, '_valueTracker')?.setValue('');
      input.dispatchEvent(new Event('input', { bubbles: true }));
    }
  });
}

// Two frames: the re-render and the layout after a resize have reached the screen.
const settle = (page) => page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));

// One sheet per story: a row per width, a column per look, each picture at its own size, labelled.
async function contactSheet(page, story, pictures, file) {
  const cell = ({ look, width, path }) =>
    `<figure><figcaption>${look} · ${width} px</figcaption><img src="data:image/png;base64,${readFileSync(path).toString('base64')}"></figure>`;
  const rows = WIDTHS.map((width) => `<div class="row">${pictures.filter((p) => p.width === width).map(cell).join('')}</div>`);
  await page.setViewportSize({ width: 800, height: 600 });
  await page.setContent(
    `<!doctype html><meta charset="utf-8"><style>
      body { margin: 0; padding: 12px; background: #d8d8d8; font: 13px system-ui, sans-serif; width: max-content; }
      h1 { margin: 0 0 8px; font-size: 15px; }
      .row { display: flex; gap: 12px; align-items: flex-start; margin-bottom: 12px; }
      figure { margin: 0; } figcaption { margin-bottom: 4px; color: #333; }
      img { display: block; outline: 1px solid #999; }
    </style><h1>${story.title} — ${story.name} (${story.id})</h1>${rows.join('')}`,
  );
  await page.screenshot({ path: file, fullPage: true });
}

async function steps(context, port, folder) {
  const index = JSON.parse(readFileSync(join(folder, 'index.json'), 'utf8'));
  const stories = Object.values(index.entries).filter(
    (entry) => entry.type === 'story' && entry.title.startsWith('Flows/') && (!values.only || entry.id.includes(values.only)),
  );
  const outDir = resolve(root, values.out ?? 'screenshots');
  const sheetDir = join(outDir, 'sheets');
  mkdirSync(sheetDir, { recursive: true });
  const page = await context.newPage();
  const sheetPage = await context.newPage();
  const noise = [];
  page.on('console', (message) => {
    // The browser's own line for every 4xx the fake answers (a 401 is how UIA asks) is not the page speaking.
    const spoken = !message.text().startsWith('Failed to load resource');
    if (spoken && (message.type() === 'error' || message.type() === 'warning')) noise.push(`${page.url()}: ${message.text()}`);
  });
  let saved = 0;
  for (const [n, story] of stories.entries()) {
    await page.setViewportSize({ width: WIDTHS.at(-1), height: 900 });
    if (n === 0) {
      await page.goto(`http://127.0.0.1:${port}/iframe.html?id=${story.id}&viewMode=story&globals=theme:light;direction:ltr;locale:en`);
    } else {
      // The next story in the same preview, as Storybook's own sidebar does: no reload of the whole bundle.
      await setLook(page, 'light');
      await page.evaluate((id) => Reflect.get(window, '__STORYBOOK_ADDONS_CHANNEL__').emit('setCurrentStory', { storyId: id, viewMode: 'story' }), story.id);
    }
    await storyPlayed(page.mainFrame(), story.id);
    await page.locator('.story-flow, [data-threepid-part=root]').first().waitFor({ state: 'visible', timeout: 30_000 });
    // The flow and the page behind it (its root is transparent), not the story's tools beside it.
    const flow = page.locator('.story-flow').first();
    const target = (await flow.count()) ? flow : page.locator('#storybook-root');
    const pictures = [];
    for (const look of LOOKS) {
      await setLook(page, look);
      if (look === 'rtl') {
        await page.locator(`[data-threepid-part=root][lang=${RTL_LOCALE}]`).first().waitFor({ timeout: 10_000 }).catch(() => {});
        await reword(page);
      }
      for (const width of WIDTHS) {
        await page.setViewportSize({ width, height: 900 });
        await settle(page);
        const path = join(outDir, `${story.id}--${look}--${width}.png`);
        // A clip of the page rather than an element screenshot: no waiting for the element to hold still, which a
        // counting resend button never does.
        // A margin of the page around it, so focus rings drawn outside the flow's box show whole.
        const box = await target.boundingBox();
        if (!box) throw new Error(`story ${story.id} shows nothing`);
        const clip = { x: Math.max(0, box.x - 6), y: Math.max(0, box.y - 6), width: box.width + 12, height: box.height + 12 };
        await page.screenshot({ path, clip, animations: 'disabled', fullPage: true });
        pictures.push({ look, width, path });
        saved += 1;
      }
    }
    await contactSheet(sheetPage, story, pictures, join(sheetDir, `${story.id}.png`));
    console.log(`${story.id}: 6 pictures`);
  }
  console.log(`saved ${saved} pictures of ${stories.length} stories in ${outDir}, and ${stories.length} contact sheets in ${sheetDir}`);
  if (noise.length) console.log(`console errors and warnings:\n${noise.join('\n')}`);
}

async function main() {
  const folder = values.static ? resolve(values.static) : buildStorybook();
  const server = await serve(folder);
  const { port } = server.address();
  const profile = mkdtempSync(join(tmpdir(), 'threepid-shot-profile-'));
  temporary.push(profile);
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    args: CHROMIUM_ARGS,
    headless: true,
    viewport: { width: 1280, height: 800 },
    colorScheme: 'light',
  });
  try {
    await (values.steps ? steps : readme)(context, port, folder);
  } finally {
    await context.close();
    server.close();
  }
}

main()
  .catch((error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  })
  .finally(() => {
    for (const dir of temporary) rmSync(dir, { recursive: true, force: true });
  });
