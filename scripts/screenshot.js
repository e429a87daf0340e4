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
// and 1280 px wide, in light, dark and right-to-left, as <out>/<story-id>--<mode>--<width>.png (gitignored).
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
      () => {
        const current = Reflect.get(window, '__STORYBOOK_PREVIEW__')?.currentRender?.phase;
        return ['completed', 'afterEach', 'finished', 'errored', 'aborted'].includes(current) && current;
      },
      undefined,
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

// The toolbar's globals for each look: the RTL pictures use the light theme.
const MODES = { light: 'theme:light;direction:ltr', dark: 'theme:dark;direction:ltr', rtl: 'theme:light;direction:rtl' };
const WIDTHS = [390, 1280];

async function steps(context, port, folder) {
  const index = JSON.parse(readFileSync(join(folder, 'index.json'), 'utf8'));
  const stories = Object.values(index.entries).filter(
    (entry) => entry.type === 'story' && entry.title.startsWith('Flows/') && (!values.only || entry.id.includes(values.only)),
  );
  const outDir = resolve(root, values.out ?? 'screenshots');
  mkdirSync(outDir, { recursive: true });
  const page = await context.newPage();
  let saved = 0;
  for (const story of stories) {
    for (const [mode, globals] of Object.entries(MODES)) {
      for (const width of WIDTHS) {
        await page.setViewportSize({ width, height: 900 });
        await page.goto(`http://127.0.0.1:${port}/iframe.html?id=${story.id}&viewMode=story&globals=${globals}`);
        await page.locator('.story-flow, [data-threepid-part=root]').first().waitFor({ state: 'visible', timeout: 30_000 });
        await storyPlayed(page.mainFrame(), story.id);
        // The flow and the page behind it (its root is transparent), not the story's tools beside it.
        const flow = page.locator('.story-flow').first();
        const target = (await flow.count()) ? flow : page.locator('#storybook-root');
        await target.screenshot({ path: join(outDir, `${story.id}--${mode}--${width}.png`), animations: 'disabled' });
        saved += 1;
      }
    }
  }
  console.log(`saved ${saved} pictures of ${stories.length} stories in ${outDir}`);
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
