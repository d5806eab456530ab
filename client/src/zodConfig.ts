import * as z from 'zod';

// Imported first by main.tsx, before any schema is built: zod's JIT probes `new Function`, which the
// Content-Security-Policy forbids (and reports as a violation even though zod catches the error).
z.config({ jitless: true });
