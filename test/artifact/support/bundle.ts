import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';

/** The packages whose code an email-only host must not ship: the phone library and what only it pulls in. */
export const PHONE_PACKAGES = ['libphonenumber-js', 'react-phone-number-input', 'country-flag-icons', 'input-format'] as const;

const PACKAGE_IN_PATH = /node_modules\/((?:@[^/]+\/)?[^/]+)\//;

/**
 * Bytes of each package's modules inside a Vite build, by package name: the source length of every module the
 * bundle's sourcemaps list (at least 1 byte for a listed module without its source). A package with no module in
 * the bundle is absent, i.e. 0 bytes.
 */
export async function bundledPackages(distDir: string): Promise<Map<string, number>> {
  const assets = join(distDir, 'assets');
  const sizes = new Map<string, number>();
  for (const name of (await readdir(assets)).filter((file) => file.endsWith('.js.map'))) {
    const map: unknown = JSON.parse(await readFile(join(assets, name), 'utf8'));
    const sources: unknown = Reflect.get(Object(map), 'sources');
    const contents: unknown = Reflect.get(Object(map), 'sourcesContent');
    if (!Array.isArray(sources)) continue;
    sources.forEach((source: unknown, index) => {
      const owner = typeof source === 'string' ? PACKAGE_IN_PATH.exec(source)?.[1] : undefined;
      if (!owner) return;
      const content: unknown = Array.isArray(contents) ? contents[index] : undefined;
      sizes.set(owner, (sizes.get(owner) ?? 0) + Math.max(1, typeof content === 'string' ? Buffer.byteLength(content) : 0));
    });
  }
  return sizes;
}

/** Bytes of the phone packages in a Vite build (0 when none of their modules is in it). */
export async function phoneBytes(distDir: string): Promise<number> {
  const sizes = await bundledPackages(distDir);
  return PHONE_PACKAGES.reduce((sum, name) => sum + (sizes.get(name) ?? 0), 0);
}
