import { describe, expect, it } from 'vitest';
import { isPlural, plural, singular, toSnakeCase } from '../../../src/core/audit/inflect.ts';
import { parseTemplate, renderTemplate, templateSource } from '../../../src/core/audit/templates.ts';

describe('inflection', () => {
  it('singularizes the last word of table names', () => {
    const cases: Record<string, string> = {
      organizations: 'organization',
      invoice_line_items: 'invoice_line_item',
      categories: 'category',
      addresses: 'address',
      statuses: 'status',
      boxes: 'box',
      houses: 'house',
      people: 'person',
      api_keys: 'api_key',
      metadata: 'metadata',
    };
    for (const [p, s] of Object.entries(cases)) expect(singular(p), p).toBe(s);
  });

  it('tells plurals from singulars and pluralizes', () => {
    for (const p of ['users', 'audit_events', 'people', 'user_preferences', 'data']) expect(isPlural(p), p).toBe(true);
    for (const s of ['user', 'audit_log', 'status', 'analysis', 'invoice_line_item']) expect(isPlural(s), s).toBe(false);
    expect(['company', 'box', 'key', 'person'].map(plural)).toEqual(['companies', 'boxes', 'keys', 'people']);
    expect(toSnakeCase('InvoiceLineItem')).toBe('invoice_line_item');
    expect(toSnakeCase('stripeCustomerID')).toBe('stripe_customer_id');
  });
});

describe('name templates', () => {
  it('match known values literally and unknown ones as snake_case text', () => {
    const t = parseTemplate('ix_{table}_{column}');
    if ('error' in t) throw new Error(t.error);
    expect(renderTemplate(t, { table: 'users', column: 'email' })).toBe('ix_users_email');
    expect(renderTemplate(t, { table: 'users', column: null })).toBeNull();
    expect(new RegExp(`^${templateSource(t, { table: 'users', column: null })}$`).test('ix_users_lower_email')).toBe(true);
    expect(new RegExp(`^${templateSource(t, { table: 'user.s', column: null })}$`).test('ix_userXs_a')).toBe(false);
    expect(parseTemplate('fk_{tabel}')).toEqual({ error: expect.stringMatching(/unknown placeholder \{tabel\}/) });
  });
});
