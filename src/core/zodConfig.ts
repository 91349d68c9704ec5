import { z } from 'zod';

// The app's Content-Security-Policy forbids eval. zod 4 otherwise probes `new Function` on first use
// (caught, but reported as a CSP violation) and compiles parsers with it where allowed; jitless keeps
// it to plain interpretation everywhere. Imported first by the page and the worker entries.
z.config({ jitless: true });
