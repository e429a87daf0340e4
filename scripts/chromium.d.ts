/** Debian's Chromium, or CHROMIUM_PATH. */
export declare const CHROMIUM_PATH: string;
/** Launch flags. */
export declare const CHROMIUM_ARGS: string[];
