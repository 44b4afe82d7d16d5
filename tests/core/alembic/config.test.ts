import { describe, expect, it } from 'vitest';
import { interpolate, iniValue, parseIni, readSettings, splitVersionLocations, tomlString } from '../../../src/core/alembic/config.ts';

const HERE = '/repo/backend';

function settings(iniText: string | null, table?: Record<string, unknown>, section = 'alembic') {
  const input: Parameters<typeof readSettings>[0] = {};
  if (iniText !== null) input.ini = { file: parseIni(iniText).ini, path: `${HERE}/alembic.ini`, here: HERE, displayPath: 'backend/alembic.ini', section };
  if (table) input.toml = { table, here: '/repo/toml', displayPath: 'pyproject.toml' };
  return readSettings(input);
}

describe('parseIni', () => {
  it('reads sections, lower-cases keys, accepts = and :, skips comments', () => {
    const { ini, diagnostics } = parseIni('# top\n[alembic]\nScript_Location = migrations\n; note\nsqlalchemy.url: sqlite://\n\n[other]\nx=1\n');
    expect(diagnostics).toEqual([]);
    expect(ini.sections.get('alembic')!.get('script_location')).toBe('migrations');
    expect(ini.sections.get('alembic')!.get('sqlalchemy.url')).toBe('sqlite://');
    expect([...ini.sections.keys()]).toEqual(['alembic', 'other']);
  });

  it('joins indented continuation lines, keeping inner blank lines and dropping trailing ones', () => {
    const { ini } = parseIni('[alembic]\nversion_locations =\n    a/versions\n    # a comment\n\n    b/versions\n\nnext = 1\n');
    expect(ini.sections.get('alembic')!.get('version_locations')).toBe('\na/versions\n\nb/versions');
    expect(ini.sections.get('alembic')!.get('next')).toBe('1');
  });

  it('keeps [DEFAULT] apart and reports unreadable lines', () => {
    const { ini, diagnostics } = parseIni('orphan = 1\n[DEFAULT]\nbase = x\n[alembic]\nno delimiter here\n');
    expect(ini.defaults.get('base')).toBe('x');
    expect(ini.sections.has('DEFAULT')).toBe(false);
    expect(diagnostics.map((d) => [d.code, d.line])).toEqual([
      ['config/bad-ini', 1],
      ['config/bad-ini', 5],
    ]);
  });
});

describe('interpolate', () => {
  const vars: Record<string, string> = { here: '/r', base: '%(here)s/db', loop: '%(loop)s' };
  const lookup = (k: string): string | undefined => vars[k];

  it('expands %(name)s recursively and %% to %', () => {
    expect(interpolate('%(base)s/versions', lookup)).toEqual({ value: '/r/db/versions', error: null });
    expect(interpolate('100%% %(HERE)s', lookup)).toEqual({ value: '100% /r', error: null });
  });

  it('reports a missing key, bad syntax and runaway recursion', () => {
    expect(interpolate('%(nope)s', lookup).error).toContain('nope');
    expect(interpolate('50% off', lookup).error).toContain("'%'");
    expect(interpolate('%(here)d', lookup).error).toContain('bad interpolation');
    expect(interpolate('%(loop)s', lookup).error).toContain('deeply');
  });

  it('looks keys up in the section, then [DEFAULT], then here', () => {
    const { ini } = parseIni('[DEFAULT]\nroot = %(here)s/app\n[alembic]\nscript_location = %(root)s/migrations\n');
    expect(iniValue(ini, 'alembic', 'script_location', '/x')).toEqual({ value: '/x/app/migrations', error: null });
    expect(iniValue(ini, 'alembic', 'absent', '/x')).toBeNull();
  });

  it('substitutes %(here)s and %% in TOML strings', () => {
    expect(tomlString('%(here)s/alembic', '/t')).toEqual({ value: '/t/alembic', error: null });
    expect(tomlString('%(other)s', '/t').error).not.toBeNull();
  });
});

describe('splitVersionLocations', () => {
  it('splits on each path_separator value', () => {
    expect(splitVersionLocations(' a  b ', 'space')).toEqual(['a', 'b']);
    expect(splitVersionLocations('\na\n  b c\n', 'newline')).toEqual(['a', 'b c']);
    expect(splitVersionLocations('a:b', 'os', ':')).toEqual(['a', 'b']);
    expect(splitVersionLocations('a;b', 'os', ';')).toEqual(['a', 'b']);
    expect(splitVersionLocations('a: b', ':')).toEqual(['a', 'b']);
    expect(splitVersionLocations('a ;b', ';')).toEqual(['a', 'b']);
  });

  it('uses the legacy comma/space rule without trimming when no separator is set', () => {
    expect(splitVersionLocations('a, b,c  d', null)).toEqual(['a', 'b', 'c', 'd']);
    expect(splitVersionLocations('a\nb', null)).toEqual(['a\nb']);
  });

  it('refuses an unknown separator', () => {
    expect(splitVersionLocations('a|b', '|')).toBeNull();
    expect(splitVersionLocations('a b', 'Space')).toBeNull();
  });
});

describe('readSettings', () => {
  it('reads script_location and splits version_locations with path_separator', () => {
    const { settings: s, diagnostics } = settings('[alembic]\nscript_location = %(here)s/migrations\npath_separator = newline\nversion_locations =\n  %(here)s/a\n  b\n');
    expect(diagnostics).toEqual([]);
    expect(s.scriptLocation).toBe('/repo/backend/migrations');
    expect(s.versionLocations).toEqual(['/repo/backend/a', 'b']);
    expect(s.versionBase).toBe(HERE);
  });

  it('falls back to the deprecated version_path_separator, then to the legacy split', () => {
    expect(settings('[alembic]\nversion_path_separator = ;\nversion_locations = a;b c\n').settings.versionLocations).toEqual(['a', 'b c']);
    expect(settings('[alembic]\nversion_locations = a, b c\n').settings.versionLocations).toEqual(['a', 'b', 'c']);
    expect(settings('[alembic]\npath_separator = space\nversion_path_separator = ;\nversion_locations = a;b c\n').settings.versionLocations).toEqual(['a;b', 'c']);
  });

  it('reports an invalid separator as a configuration error', () => {
    const { settings: s, diagnostics } = settings('[alembic]\npath_separator = pipe\nversion_locations = a b\n');
    expect(diagnostics.map((d) => d.code)).toEqual(['config/bad-separator']);
    expect(s.versionLocations).toEqual(['a', 'b']);
  });

  it('switches recursion on only for the exact string true in the ini', () => {
    for (const [value, on] of [['true', true], ['True', false], ['yes', false], ['1', false], ['false', false]] as const) {
      expect(settings(`[alembic]\nrecursive_version_locations = ${value}\nsourceless = ${value}\n`).settings).toMatchObject({ recursive: on, sourceless: on });
    }
  });

  it('wants a TOML boolean for flags', () => {
    expect(settings(null, { recursive_version_locations: true }).settings.recursive).toBe(true);
    const bad = settings(null, { recursive_version_locations: 'true' });
    expect(bad.settings.recursive).toBe(false);
    expect(bad.diagnostics.map((d) => d.code)).toEqual(['config/bad-value']);
  });

  it('lets ini values win per key over [tool.alembic]', () => {
    const { settings: s } = settings('[alembic]\nscript_location = migrations\nrecursive_version_locations = no\n', {
      script_location: '%(here)s/other',
      version_locations: ['%(here)s/v1', 'v2'],
      recursive_version_locations: true,
      sourceless: true,
    });
    expect(s.scriptLocation).toBe('migrations');
    expect(s.scriptBase).toBe(HERE);
    expect(s.versionLocations).toEqual(['/repo/toml/v1', 'v2']);
    expect(s.versionBase).toBe('/repo/toml');
    expect(s.recursive).toBe(false);
    expect(s.sourceless).toBe(true);
  });

  it('reads a TOML-only configuration relative to the pyproject folder', () => {
    const { settings: s } = settings(null, { script_location: 'alembic' });
    expect(s).toMatchObject({ scriptLocation: 'alembic', scriptBase: '/repo/toml', versionLocations: null });
  });

  it('reads another ini section (alembic -n NAME) with [DEFAULT] values', () => {
    const { settings: s } = settings('[DEFAULT]\nsourceless = true\n[tenant]\nscript_location = tenant_migrations\n', undefined, 'tenant');
    expect(s.scriptLocation).toBe('tenant_migrations');
    expect(s.sourceless).toBe(true);
  });

  it('reports a broken interpolation', () => {
    const { settings: s, diagnostics } = settings('[alembic]\nscript_location = %(missing)s/m\n');
    expect(s.scriptLocation).toBeNull();
    expect(diagnostics.map((d) => d.code)).toEqual(['config/bad-interpolation']);
  });
});
