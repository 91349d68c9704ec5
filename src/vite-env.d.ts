/** The app's version from package.json, recorded with every run (vite.config.ts `define`). */
declare const __APP_VERSION__: string;
