import type { Finding } from '../core/finding.js';
import type { Formatter } from './types.js';

/** Column order is part of the contract: append new columns at the end, never reorder. */
export const CSV_COLUMNS = [
  'id', 'status', 'muted', 'severity', 'check_id', 'check_title', 'duty', 'service',
  'provider', 'account', 'account_name', 'region', 'resource_type', 'resource_id', 'resource_name', 'tags',
  'message', 'obligations', 'clauses', 'frameworks', 'remediation', 'remediation_cli', 'remediation_url',
  'error_code', 'error_operation', 'mute_reason', 'mute_owner', 'mute_expires', 'time', 'first_seen', 'last_seen', 'evidence',
  'not_assessed_setting',
] as const;

/**
 * One cell, RFC 4180 quoted, and defused for spreadsheets: a cell a spreadsheet would read as a
 * formula (leading = + - @, or tab / CR which some of them strip first) gets a leading quote.
 */
export function csvCell(value: string): string {
  // Control characters other than line breaks would drive a terminal that `cat`s the file.
  const printable = value.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g, '\uFFFD');
  const defused = /^[=+\-@\t\r]/.test(printable) ? `'${printable}` : printable;
  return /[",\r\n]/.test(defused) ? `"${defused.replaceAll('"', '""')}"` : defused;
}

const joinList = (values: readonly string[]) => values.join('; ');

export function csvRow(f: Finding): string[] {
  const row: Record<(typeof CSV_COLUMNS)[number], string> = {
    id: f.id,
    status: f.status,
    muted: String(f.muted),
    severity: f.severity,
    check_id: f.check.id,
    check_title: f.check.title,
    duty: f.check.duty,
    service: f.check.service,
    provider: f.resource.provider,
    account: f.resource.account,
    account_name: f.resource.accountName ?? '',
    region: f.resource.region,
    resource_type: f.resource.type,
    resource_id: f.resource.id,
    resource_name: f.resource.name,
    tags: joinList(Object.entries(f.resource.tags).map(([k, v]) => `${k}=${v}`)),
    message: f.message,
    obligations: joinList(f.obligations.map((o) => o.id)),
    clauses: joinList([...new Set(f.obligations.flatMap((o) => o.clauses))]),
    frameworks: joinList(Object.entries(f.frameworks).flatMap(([fw, reqs]) => reqs.map((r) => `${fw}:${r}`))),
    remediation: f.remediation.text,
    remediation_cli: f.remediation.cli ?? '',
    remediation_url: f.remediation.url ?? '',
    error_code: f.error?.code ?? '',
    error_operation: f.error?.operation ?? '',
    mute_reason: f.mute?.reason ?? '',
    mute_owner: f.mute?.owner ?? '',
    mute_expires: f.mute?.expires ?? '',
    time: f.time,
    first_seen: f.firstSeen ?? '',
    last_seen: f.lastSeen ?? '',
    evidence: JSON.stringify(f.evidence),
    not_assessed_setting: f.notAssessed?.setting ?? '',
  };
  return CSV_COLUMNS.map((c) => row[c]);
}

const line = (cells: readonly string[]) => `${cells.map(csvCell).join(',')}\r\n`;

export const csv: Formatter = {
  id: 'csv',
  extension: 'csv',
  mediaType: 'text/csv; charset=utf-8; header=present',
  begin: () => line(CSV_COLUMNS),
  finding: (f) => line(csvRow(f)),
  end: () => '',
};
