import { z } from 'zod';

// The page's CSP forbids eval. zod probes `new Function` for its compiled fast path when an object
// schema is built (at module load), and the caught probe still raises a CSP violation; so this
// module turns the fast path off, and main.tsx imports it before anything that builds a schema.
z.config({ jitless: true });
