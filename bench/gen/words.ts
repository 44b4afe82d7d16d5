// Vocabulary for the synthetic benchmark repository (a made-up SaaS called "Quarry").

export const TABLE_PREFIXES = [
  'account', 'billing', 'tenant', 'user', 'audit', 'catalog', 'order', 'payment', 'invoice', 'shipping',
  'inventory', 'report', 'search', 'message', 'notification', 'team', 'project', 'task', 'calendar', 'document',
  'media', 'webhook', 'api', 'session', 'subscription', 'plan', 'coupon', 'tax', 'ledger', 'warehouse',
  'vendor', 'contract', 'support', 'survey', 'feature', 'export', 'import', 'sync', 'geo', 'pricing',
];

export const TABLE_NOUNS = [
  'events', 'records', 'items', 'settings', 'entries', 'snapshots', 'rules', 'links', 'notes', 'tags',
  'members', 'roles', 'grants', 'tokens', 'keys', 'logs', 'batches', 'jobs', 'runs', 'attempts',
  'limits', 'quotas', 'versions', 'drafts', 'comments', 'votes', 'flags', 'labels', 'groups', 'sources',
  'targets', 'routes', 'zones', 'slots', 'rates', 'totals', 'balances', 'transfers', 'holds', 'lines',
  'addresses', 'contacts', 'profiles', 'devices', 'invites', 'approvals', 'exports', 'files', 'checks', 'alerts',
];

export const TABLE_MIDDLES = [
  'daily', 'monthly', 'archived', 'pending', 'shared', 'external', 'internal', 'legacy', 'regional', 'scheduled',
  'draft', 'public', 'private', 'cached', 'manual', 'bulk', 'partner', 'trial', 'custom', 'default',
];

export const COLUMN_NAMES = [
  'name', 'status', 'kind', 'code', 'title', 'description', 'email', 'locale', 'currency', 'amount_cents',
  'quantity', 'position', 'priority', 'score', 'weight', 'external_id', 'reference', 'note', 'source', 'channel',
  'expires_at', 'started_at', 'finished_at', 'archived_at', 'is_active', 'is_default', 'retries', 'payload',
  'country_code', 'timezone', 'version', 'checksum', 'slug', 'label', 'color', 'url', 'phone', 'region',
];

export const PEOPLE = [
  'Ana Souza', 'Ben Carter', 'Chiara Rossi', 'Dmitri Volkov', 'Elif Demir', 'Farah Haddad', 'Gustav Lind',
  'Hana Kobayashi', 'Ines Moreau', 'Jonas Weber', 'Kwame Mensah', 'Lena Fischer', 'Mateo Garcia',
  'Nadia Petrova', 'Omar Siddiqui', 'Priya Raman', 'Quinn Taylor', 'Rosa Lopez', 'Sam Okafor', 'Tomasz Nowak',
  'Uma Iyer', 'Viktor Horvat', 'Wen Li', 'Yara Nasser', 'Zoe Martin',
];

export const TAGS = [
  'database', 'postgres', 'api', 'security', 'billing', 'tenancy', 'performance', 'migrations', 'audit',
  'search', 'reporting', 'infrastructure', 'privacy', 'reliability', 'observability', 'testing', 'frontend',
];

export const TECH = [
  'PostgreSQL partitioning', 'a JSONB column', 'a read replica', 'logical replication', 'a queue table',
  'advisory locks', 'row-level security', 'materialised views', 'a ledger table', 'soft deletes',
  'UUID primary keys', 'BIGINT identity keys', 'TIMESTAMPTZ columns', 'a separate schema', 'pgBouncer',
  'batched backfills', 'CHECK constraints', 'partial indexes', 'generated columns', 'an outbox table',
];

export const PURPOSES = [
  'tenant settings', 'audit events', 'invoice numbering', 'search indexing', 'usage metering',
  'background jobs', 'rate limiting', 'feature flags', 'currency amounts', 'session storage',
  'report exports', 'webhook delivery', 'data retention', 'schema changes', 'API pagination',
  'idempotent payments', 'address validation', 'permission checks', 'email delivery', 'file uploads',
];

export const VERB_TITLES = [
  (a: string, b: string) => `Use ${a} for ${b}`,
  (a: string, b: string) => `Store ${b} with ${a}`,
  (a: string, b: string) => `Keep ${b} out of ${a}`,
  (a: string, b: string) => `Adopt ${a} for ${b}`,
  (a: string, b: string) => `Retire ${a} in ${b}`,
  (a: string, b: string) => `Move ${b} to ${a}`,
  (a: string, b: string) => `Limit ${a} to ${b}`,
  (a: string, b: string) => `Review ${b} before enabling ${a}`,
] as const;

export const RULE_TOPICS = [
  'Database', 'Naming', 'Indexes', 'Constraints', 'Data types', 'Migrations', 'Backfills', 'Tenancy',
  'Security', 'Auditing', 'Retention', 'Performance', 'Replication', 'Partitioning', 'Reporting',
  'Search', 'Payments', 'API', 'Observability', 'Testing',
];

export const RULE_VERBS = [
  'Name', 'Index', 'Constrain', 'Document', 'Review', 'Backfill', 'Partition', 'Encrypt', 'Version',
  'Validate', 'Limit', 'Log', 'Test', 'Scope', 'Archive',
];
