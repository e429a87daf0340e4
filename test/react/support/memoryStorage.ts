// A sessionStorage stand-in whose contents a test can read.
import type { StorageLike } from '../../../src/react';

/** An in-memory `StorageLike`, its entries open to the test. */
export function memoryStorage(): StorageLike & { items: Map<string, string> } {
  const items = new Map<string, string>();
  return {
    items,
    getItem: (key) => items.get(key) ?? null,
    setItem: (key, value) => void items.set(key, value),
    removeItem: (key) => void items.delete(key),
  };
}
