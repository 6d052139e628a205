import { z } from 'zod'

/**
 * Server configuration, parsed once from the environment. Every variable is
 * documented in .env.example; defaults give the zero-setup embedded mode.
 */
const EnvSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  /** `file:` for the embedded SQLite default, `postgresql://` for scale-out. */
  DATABASE_URL: z.string().default('file:./data/crux.db'),
  /** Redis for running several instances side by side (with PostgreSQL); unset on one machine. */
  REDIS_URL: z.string().url().optional(),
  /** Upper bound on how long an edit waits in memory before it is appended to the database. */
  PERSIST_DELAY_MS: z.coerce.number().int().min(0).max(5000).default(50),
  /**
   * [DU3] How long an edit applied from another instance (through Redis) waits before this instance appends it
   * too, in case its origin died before its own append.
   */
  BUS_PERSIST_DELAY_MS: z.coerce.number().int().min(0).max(5000).default(250),
  /** [DU5] How long a stop (SIGTERM, SIGINT) may take to flush rooms before the process exits anyway. */
  STOP_DEADLINE_MS: z.coerce.number().int().min(100).max(60_000).default(4000),
  /** Fold the update log into a snapshot once it holds this many rows. */
  COMPACT_AFTER: z.coerce.number().int().min(2).default(200),
  /** [HI1] An open map with activity gets an automatic checkpoint this long after its first unsaved change. */
  CHECKPOINT_EVERY_MS: z.coerce
    .number()
    .int()
    .min(1000)
    .default(5 * 60_000),
  /** Largest websocket frame accepted; larger ones close that socket only. */
  MAX_MESSAGE_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .default(4 * 1024 * 1024),
  /** Signs websocket tokens; generated and kept in the database when unset. Set it when instances do not share a database. */
  AUTH_SECRET: z.string().min(32).optional(),
  /** Extra origins (comma-separated) allowed to open map sockets and post forms, besides the app's own. */
  ALLOWED_ORIGINS: z
    .string()
    .default('')
    .transform((v) =>
      v
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean),
    ),
  /** What anyone with a seed map's address may do: none | viewer | commenter | editor. */
  SEED_PUBLIC_ROLE: z.enum(['none', 'viewer', 'commenter', 'editor']).default('viewer'),
  /** Seed the maps in content/ on start (idempotent). */
  SEED_ON_START: z
    .enum(['true', 'false'])
    .default('true')
    .transform((v) => v === 'true'),
  /** Mark the session cookie Secure even when no proxy says `x-forwarded-proto: https` (TLS terminated elsewhere). */
  COOKIE_SECURE: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true'),
})

export type Env = z.infer<typeof EnvSchema>

let cached: Env | undefined

export function parseEnv(source: Record<string, string | undefined>): Env {
  const parsed = EnvSchema.safeParse(source)
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`)
    throw new Error(`Invalid environment:\n${lines.join('\n')}`)
  }
  return parsed.data
}

/** The process environment, parsed once. */
export function env(): Env {
  return (cached ??= parseEnv(process.env))
}
