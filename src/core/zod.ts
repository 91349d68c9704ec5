// The app's one way to zod: every module imports `z` from here, so this configuration runs before
// any schema is defined (zod decides at definition time whether to compile parsers with `new
// Function`). The app's Content-Security-Policy forbids eval, and zod's probe for it is reported as a
// CSP violation even though it is caught; jitless interprets instead, everywhere.
import { z } from 'zod';

z.config({ jitless: true });

export { z };
