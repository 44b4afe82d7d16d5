// One ADR file → `Adr` (conformance rules 2–10), plus warnings. Never throws on bad input.

import type { Adr, AdrStatus, Diagnostic } from '../model.ts';
import { normalizeNewlines } from '../text.ts';
import { findDate } from './date.ts';
import { classifyAdrPath, idFromPath, numberFromIdText, parseFileName, stemOf, titleFromFileName } from './filename.ts';
import type { AdrPathClass } from './filename.ts';
import { frontMatterList, frontMatterText, readFrontMatter } from '../markdown/frontmatter.ts';
import type { FrontMatterEntry } from '../markdown/frontmatter.ts';
import { findCell, findField, readHeaderZone } from './header.ts';
import { splitDeciders, splitIdentifiers, splitTags } from './lists.ts';
import { scanMarkdown, sectionEnd } from '../markdown/scan.ts';
import { tooDeepLines, tooDeepMessage } from '../markdown/nesting.ts';
import { addUnique, emptyRelations, mergeRelations, referencesFromItem, referencesInText, relationsInText } from './relations.ts';
import type { RelationKind } from './relations.ts';
import { findStatusSection, readSections, statusLine } from './sections.ts';
import { normalizeStatus } from './status.ts';
import { isNoiseHeading, summarize } from './summary.ts';
import { findTitleHeading, stripTitleNumber, titleNumber } from './title.ts';

export interface ParseAdrOptions {
  /** Path relative to the ADR root. */
  path: string;
  /** Repo-relative path (used in diagnostics). */
  file: string;
  group: string;
}

export interface ParsedAdr {
  adr: Adr;
  diagnostics: Diagnostic[];
  /** File line the number came from (front matter or title), null when from the file name or absent. */
  numberLine: number | null;
}

export function isAdrCandidate(relPath: string): AdrPathClass {
  return classifyAdrPath(relPath).outcome;
}

interface Found {
  value: string;
  /** 1-based file line. */
  line: number;
  source: string;
}

export function parseAdr(text: string, opts: ParseAdrOptions): ParsedAdr {
  const diagnostics: Diagnostic[] = [];
  const warn = (code: string, line: number | null, message: string): void => {
    diagnostics.push({ code, severity: 'warning', path: opts.file, line, message });
  };

  const clean = normalizeNewlines(text.replace(/^\uFEFF/, ''));
  const front = readFrontMatter(clean, opts.file);
  diagnostics.push(...front.diagnostics);
  const fm = front.entries;
  const offset = front.bodyLine - 1;
  if (front.body.trim() === '') {
    if (front.present) warn('adr/empty', front.bodyLine - 1, 'The record has front matter but no text; write its context and decision below the front matter.');
    else warn('adr/empty', clean === '' ? null : 1, 'The record is empty; write its context and decision, or delete the file.');
  }
  const fileLine = (index: number): number => index + 1 + offset;

  const scan = scanMarkdown(front.body);
  const tooDeep = tooDeepMessage(tooDeepLines(front.body).map(fileLine), false);
  if (tooDeep) warn('adr/too-deep', tooDeep.line, tooDeep.message);
  const h1 = findTitleHeading(scan);
  const fileName = parseFileName(stemOf(opts.path));

  // Title (rule 4)
  const fmTitle = frontMatterText(fm, 'title');
  const rawTitle = fmTitle?.value ?? h1?.text ?? null;
  const title = (rawTitle !== null ? stripTitleNumber(rawTitle) : '') || titleFromFileName(fileName);

  // Metadata places (rule 5)
  const zoneStart = h1 ? h1.end + 1 : 0;
  const zoneEnd = scan.headings.find((h) => h.start >= zoneStart)?.start ?? scan.lines.length;
  const zone = readHeaderZone(scan, zoneStart, zoneEnd);
  const statusSection = findStatusSection(scan);
  const field = (keys: string[], source: string): Found | null => {
    const f = findField(zone, keys);
    return f ? { value: f.value, line: fileLine(f.index), source } : null;
  };
  const cell = (keys: string[], source: string): Found | null => {
    const c = findCell(zone, keys);
    return c ? { value: c.value, line: fileLine(c.index), source } : null;
  };
  const fmText = (key: string): Found | null => {
    const t = frontMatterText(fm, key);
    return t ? { ...t, source: 'front matter' } : null;
  };

  // Status (rules 5, 6)
  const sectionLine = statusSection ? statusLine(statusSection) : null;
  const statusSources = [
    fmText('status'),
    field(['status'], 'the header'),
    cell(['status'], 'the status table'),
    sectionLine ? { value: sectionLine.text, line: fileLine(sectionLine.index), source: 'the Status section' } : null,
  ].filter((s): s is Found => s !== null);
  const statusFound = statusSources[0] ?? null;
  const statusRaw = statusFound?.value ?? null;
  const status: AdrStatus = normalizeStatus(statusRaw);
  if (statusFound && status === 'unknown') {
    warn(
      'adr/unknown-status',
      statusFound.line,
      `Status "${statusRaw}" is not a known status; use accepted, proposed, draft, rejected, deprecated or superseded.`,
    );
  }
  if (statusFound && status !== 'unknown') {
    for (const other of statusSources.slice(1)) {
      const otherStatus = normalizeStatus(other.value);
      if (otherStatus !== 'unknown' && otherStatus !== status) {
        warn(
          'adr/status-conflict',
          other.line,
          `${capitalize(other.source)} says "${other.value}" but ${statusFound.source} (line ${statusFound.line}) says "${statusFound.value}"; "${status}" is used. Make them agree.`,
        );
      }
    }
  }

  // Date (rule 7)
  const dateSources = [
    fmText('date'),
    fmText('created'),
    fmText('lastmodified'),
    fmText('lastupdated'),
    fmText('updated'),
    field(['date'], 'the header'),
    field(['lastmodified', 'lastupdated', 'updated'], 'the header'),
    cell(['date'], 'the status table'),
  ];
  let date: string | null = null;
  for (const source of dateSources) {
    date = source ? findDate(source.value) : null;
    if (date !== null) break;
  }
  date ??= fileName.datePrefix;

  // People and tags (rule 8)
  const fromFrontMatterList = (keys: string[], split: (v: string | string[]) => string[]): string[] => {
    for (const key of keys) {
      const list = frontMatterList(fm, key);
      const items = list ? split(list.value) : [];
      if (items.length > 0) return items;
    }
    return [];
  };
  const firstNonEmpty = (candidates: (() => string[])[]): string[] => {
    for (const candidate of candidates) {
      const items = candidate();
      if (items.length > 0) return items;
    }
    return [];
  };
  const deciderKeys = ['deciders', 'decisionmakers'];
  const deciders = firstNonEmpty([
    () => fromFrontMatterList(deciderKeys, splitDeciders),
    () => splitDeciders(field(deciderKeys, '')?.value ?? ''),
    () => splitDeciders(cell(deciderKeys, '')?.value ?? ''),
  ]);
  const tags = firstNonEmpty([
    () => fromFrontMatterList(['tags'], splitTags),
    () => splitTags(field(['tags'], '')?.value ?? ''),
    () => splitTags(cell(['tags'], '')?.value ?? ''),
  ]);

  // Relations (rule 9)
  const relations = emptyRelations();
  if (statusRaw !== null) mergeRelations(relations, relationsInText(statusRaw, opts.path));
  for (const line of statusSection?.lines ?? []) mergeRelations(relations, relationsInText(line.text, opts.path));
  const relationKeys: [RelationKind, string][] = [
    ['supersedes', 'supersedes'],
    ['supersededBy', 'supersededby'],
    ['amends', 'amends'],
    ['amendedBy', 'amendedby'],
  ];
  for (const f of zone.fields) {
    const kind = relationKeys.find(([, key]) => key === f.key)?.[0];
    if (kind) addUnique(relations[kind], referencesInText(f.value, opts.path));
  }
  for (const [kind, key] of relationKeys) {
    const list = frontMatterList(fm, key);
    if (!list) continue;
    const items = typeof list.value === 'string' ? [list.value] : list.value;
    for (const item of items) addUnique(relations[kind], referencesFromItem(item, opts.path));
  }

  // Number (rule 3) and its warnings
  const h1Number = h1 ? titleNumber(h1.text) : null;
  const fmNumberEntry = idEntry(fm);
  const fmNumber = fmNumberEntry ? numberFromIdText(fmNumberEntry.value as string) : null;
  const fmTitleNumber = fmTitle ? titleNumber(fmTitle.value) : null;
  let number = fileName.number;
  let numberLine: number | null = null;
  const titleCandidates: [number | null, number | null][] = fmTitle
    ? [[fmTitleNumber, fmTitle.line], [h1Number, h1 ? fileLine(h1.start) : null]]
    : [[h1Number, h1 ? fileLine(h1.start) : null]];
  if (number === null) {
    for (const [n, line] of [[fmNumber, fmNumberEntry?.line ?? null] as [number | null, number | null], ...titleCandidates]) {
      if (n !== null) {
        number = n;
        numberLine = line;
        break;
      }
    }
  } else {
    if (h1Number !== null && h1Number !== number) {
      warn(
        'adr/number-mismatch',
        h1 ? fileLine(h1.start) : null,
        `The title says ADR ${h1Number} but the file name says ${number}; the file name wins. Renumber the title or rename the file.`,
      );
    }
    if (fmNumber !== null && fmNumber !== number) {
      warn(
        'adr/number-mismatch',
        fmNumberEntry?.line ?? null,
        `Front matter \`${fmNumberEntry?.key}\` says ${fmNumber} but the file name says ${number}; the file name wins. Make them agree.`,
      );
    }
  }

  // Declared references, sections, summary
  const declaredList = (key: string): string[] => {
    const list = frontMatterList(fm, key);
    return list ? splitIdentifiers(list.value) : [];
  };
  const sections = readSections(scan, offset);
  const bodyWithoutMetadata = (): string => {
    const hidden = new Set<number>(zone.metadataLines);
    if (h1) for (let i = h1.start; i <= h1.end; i++) hidden.add(i);
    if (statusSection) for (let i = statusSection.heading.start; i < statusSection.end; i++) hidden.add(i);
    for (const heading of scan.headings) {
      if (isNoiseHeading(heading.text)) for (let i = heading.start; i < sectionEnd(scan, heading); i++) hidden.add(i);
    }
    return scan.lines.map((l, i) => (hidden.has(i) ? '' : l.text)).join('\n');
  };
  const summary = summarize({
    sections,
    bodyWithoutMetadata,
    declared: frontMatterText(fm, 'summary')?.value ?? null,
    title,
  });

  const adr: Adr = {
    path: opts.path,
    file: opts.file,
    id: idFromPath(opts.path),
    group: opts.group,
    number,
    title,
    status,
    statusRaw,
    date,
    deciders,
    tags,
    supersedes: relations.supersedes,
    supersededBy: relations.supersededBy,
    amends: relations.amends,
    amendedBy: relations.amendedBy,
    declared: { migrations: declaredList('migrations'), rules: declaredList('rules'), tables: declaredList('tables') },
    accepts: declaredList('accepts'),
    sections,
    summary,
    body: front.body,
    bodyLine: front.bodyLine,
  };
  return { adr, diagnostics, numberLine };
}

function idEntry(fm: Map<string, FrontMatterEntry>): FrontMatterEntry | null {
  for (const key of ['id', 'number']) {
    const entry = fm.get(key);
    if (entry && typeof entry.value === 'string' && numberFromIdText(entry.value) !== null) return entry;
  }
  return null;
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
