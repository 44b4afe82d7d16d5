import { describe, it, expect } from 'vitest';
import { createUrls, normalizeBase, rulesFileSlugs, segment, anchor } from '../../src/integration/urls.ts';

const rules = [
  { path: 'rules/DATABASE_RULES.md', rules: [{ id: 'db-001' }, { id: 'db-002' }] },
  { path: 'rules/API_RULES.md', rules: [{ id: 'api-001' }] },
] as never;

describe('normalizeBase', () => {
  it('always has a leading and a trailing slash and no doubled slashes', () => {
    expect(normalizeBase(undefined)).toBe('/');
    expect(normalizeBase('')).toBe('/');
    expect(normalizeBase('/')).toBe('/');
    expect(normalizeBase('handbook')).toBe('/handbook/');
    expect(normalizeBase('/handbook')).toBe('/handbook/');
    expect(normalizeBase('//a//b/')).toBe('/a/b/');
  });
});

describe('segment', () => {
  it('keeps safe names as written', () => {
    expect(segment('0005-user-preferences-as-jsonb')).toBe('0005-user-preferences-as-jsonb');
    expect(segment('api_keys')).toBe('api_keys');
    expect(segment('f8f55c46f8bc')).toBe('f8f55c46f8bc');
  });

  it('turns unsafe names into a slug plus a fingerprint, different for different names', () => {
    const a = segment('<script>alert(1)</script>');
    const b = segment('<script>alert(2)</script>');
    expect(a).toMatch(/^[a-z0-9-]+$/);
    expect(a).not.toBe(b);
    expect(segment('..')).not.toBe('..');
    expect(segment('a b')).toMatch(/^a-b-[a-z0-9]+$/);
  });

  it('escapes reserved names', () => {
    const reserved = new Set(['status']);
    expect(segment('status', reserved)).not.toBe('status');
    expect(segment('status')).toBe('status');
  });
});

describe('rulesFileSlugs', () => {
  it('uses the file name, or the whole path when two files share a name', () => {
    const slugs = rulesFileSlugs(['rules/DATABASE_RULES.md', 'docs/rules.md', 'other/rules.md']);
    expect(slugs.get('rules/DATABASE_RULES.md')).toBe('database-rules');
    expect(slugs.get('docs/rules.md')).toBe('docs-rules');
    expect(slugs.get('other/rules.md')).toBe('other-rules');
    expect(new Set(slugs.values()).size).toBe(3);
  });
});

describe('createUrls', () => {
  const urls = createUrls(
    {
      rules,
      environments: ['default'],
      adrs: [
        { id: '0005-jsonb', group: '' },
        { id: '0001-x', group: 'payments' },
      ],
      docs: [{ path: 'content/docs/glossary.md', slug: 'glossary' }],
    },
    {},
  );

  it('builds the URL scheme', () => {
    expect(urls.home()).toBe('/');
    expect(urls.decisions()).toBe('/decisions/');
    expect(urls.decisions({}, 'date')).toBe('/decisions/by-date/');
    expect(urls.decisions({ status: 'accepted' })).toBe('/decisions/status/accepted/');
    expect(urls.decisions({ tag: 'jsonb' }, 'date')).toBe('/decisions/tag/jsonb/by-date/');
    expect(urls.adr({ id: '0005-jsonb', group: '' })).toBe('/decisions/0005-jsonb/');
    expect(urls.adr({ id: '0001-x', group: 'payments' })).toBe('/decisions/payments/0001-x/');
    expect(urls.rulesIndex()).toBe('/rules/');
    expect(urls.rulesFile('rules/DATABASE_RULES.md')).toBe('/rules/database-rules/');
    expect(urls.rule('db-002')).toBe('/rules/database-rules/#db-002');
    expect(urls.rule('api-001')).toBe('/rules/api-rules/#api-001');
    expect(urls.rule('nope')).toBeNull();
    expect(urls.migrations()).toBe('/migrations/');
    expect(urls.timeline('default')).toBe('/migrations/');
    expect(urls.migration('default', 'f8f55c46f8bc')).toBe('/migrations/default/f8f55c46f8bc/');
    expect(urls.tables()).toBe('/tables/');
    expect(urls.table('users')).toBe('/tables/users/');
    expect(urls.doc('glossary')).toBe('/docs/glossary/');
    expect(urls.doc('guides/setup')).toBe('/docs/guides/setup/');
    expect(urls.search()).toBe('/search/');
    expect(urls.search('a b&c')).toBe('/search/?q=a%20b%26c');
    expect(urls.audit()).toBe('/audit/');
    expect(urls.notFound()).toBe('/404.html');
  });

  it('never lets an ADR id shadow an index view', () => {
    expect(urls.adr({ id: 'status', group: '' })).not.toBe('/decisions/status/');
    expect(urls.adr({ id: 'by-date', group: '' })).not.toBe('/decisions/by-date/');
  });

  it('resolves model references', () => {
    expect(urls.ref('adr:0005-jsonb')).toBe('/decisions/0005-jsonb/');
    expect(urls.ref('adr:payments/0001-x')).toBe('/decisions/payments/0001-x/');
    expect(urls.ref('adr:missing')).toBeNull();
    expect(urls.ref('rule:db-001')).toBe('/rules/database-rules/#db-001');
    expect(urls.ref('rules-file:rules/API_RULES.md')).toBe('/rules/api-rules/');
    expect(urls.ref('migration:default/abc')).toBe('/migrations/default/abc/');
    expect(urls.ref('table:users')).toBe('/tables/users/');
    expect(urls.ref('doc:content/docs/glossary.md')).toBe('/docs/glossary/');
    expect(urls.ref('doc:content/docs/missing.md')).toBeNull();
    expect(urls.ref('other:x')).toBeNull();
  });

  it('gives each environment its own timeline when there are several', () => {
    const several = createUrls({ rules: [], environments: ['core', 'billing'] });
    expect(several.timeline('core')).toBe('/migrations/core/');
    expect(several.timeline('billing')).toBe('/migrations/billing/');
    expect(several.migrations()).toBe('/migrations/');
  });

  it('prefixes every URL with the base path, and strips it again', () => {
    const based = createUrls({ rules, environments: ['default'] }, { base: '/handbook' });
    const all = [
      based.home(),
      based.decisions(),
      based.adr({ id: '0005-jsonb', group: '' }),
      based.rulesFile('rules/API_RULES.md'),
      based.rule('db-001')!,
      based.timeline('default'),
      based.migration('default', 'abc'),
      based.table('users'),
      based.doc('glossary'),
      based.search('x'),
      based.audit(),
      based.sitemap(),
    ];
    for (const u of all) expect(u.startsWith('/handbook/')).toBe(true);
    expect(based.path(based.table('users'))).toBe('/tables/users/');
    expect(based.href('/x/')).toBe('/handbook/x/');
  });
});

describe('anchor', () => {
  it('keeps rule ids that are valid ids, escapes others', () => {
    expect(anchor('db-001')).toBe('db-001');
    expect(anchor('table-names-are-plural')).toBe('table-names-are-plural');
    expect(anchor('Weird Id!')).toMatch(/^[a-z0-9-]+$/);
  });
});
