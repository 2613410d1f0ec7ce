import type Database from 'better-sqlite3';
import type { CollectionSpec, CompositeIndex, Condition, Doc, JsonObject, Query, Scalar } from '../../ports/store.port';
import { assertFieldPath } from '../store.guards';

/**
 * How the local store's collections and queries become SQL: one table per collection (id, rev, the
 * document as JSON), indexes on JSON paths, and conditions as parameterised clauses.
 */
export type Row = { readonly id: string; readonly rev: number; readonly data: string };
export type SqlValue = string | number | null;
export type Clause = { readonly sql: string; readonly params: readonly SqlValue[] };

export function createCollection(db: Database.Database, spec: CollectionSpec): void {
  const name = quoteIdent(spec.name);
  db.exec(`CREATE TABLE IF NOT EXISTS ${name} (id TEXT PRIMARY KEY, rev INTEGER NOT NULL, data TEXT NOT NULL)`);
  for (const field of spec.indexes) {
    if (field === '_id' || field === '_rev') continue; // real columns: the primary key covers _id
    const index = quoteIdent(`${spec.name}__${field}`);
    db.exec(`CREATE INDEX IF NOT EXISTS ${index} ON ${name} (${jsonExtract(field)})`);
  }
}

/**
 * A declared composite index: its fields' values in order (`_id` is the id column), then each
 * field's JSON type, so the type guards every condition carries (`typeGuard`) are read from the
 * index too: a count or a page's ids never parse a document.
 */
export function createCompositeIndex(db: Database.Database, collection: string, spec: CompositeIndex): void {
  if (!/^[A-Za-z0-9_-]+$/.test(spec.name)) throw new Error(`Invalid index name: ${JSON.stringify(spec.name)}`);
  const values = spec.fields.map(({ field, direction }) => `${columnOf(field)}${direction === 'desc' ? ' DESC' : ''}`);
  const types = spec.fields.filter(({ field }) => field !== '_id' && field !== '_rev').map(({ field }) => `json_type(data, ${jsonPath(field)})`);
  db.exec(`CREATE INDEX IF NOT EXISTS ${quoteIdent(`${collection}__${spec.name}`)} ON ${quoteIdent(collection)} (${[...values, ...types].join(', ')})`);
}

/** Only ever called with names that passed the strict identifier checks. */
export function quoteIdent(name: string): string {
  return `"${name}"`;
}

export function jsonPath(field: string): string {
  assertFieldPath(field);
  return `'$.${field}'`;
}

/** Must match the indexed expression character for character, or SQLite ignores the index. */
export function jsonExtract(field: string): string {
  return `json_extract(data, ${jsonPath(field)})`;
}

export function toDoc(row: Row): Doc {
  return { ...(JSON.parse(row.data) as JsonObject), _id: row.id, _rev: row.rev };
}

export function whereClause(conditions: readonly Condition[]): Clause {
  if (conditions.length === 0) return { sql: '', params: [] };
  const clauses = conditions.map(conditionClause);
  return {
    sql: `WHERE ${clauses.map((clause) => `(${clause.sql})`).join(' AND ')}`,
    params: clauses.flatMap((clause) => clause.params),
  };
}

export function orderClause(orderBy: NonNullable<Query['orderBy']>): string {
  const terms = orderBy.map(({ field, direction }) => {
    if (direction !== 'asc' && direction !== 'desc') throw new Error(`Invalid sort direction: ${String(direction)}`);
    return `${columnOf(field)} ${direction === 'asc' ? 'ASC' : 'DESC'}`;
  });
  // A final tiebreak on the id keeps offset pagination stable when sort keys repeat.
  return `ORDER BY ${[...terms, 'id ASC'].join(', ')}`;
}

export function columnOf(field: string): string {
  if (field === '_id') return 'id';
  if (field === '_rev') return 'rev';
  return jsonExtract(field);
}

export function conditionClause(condition: Condition): Clause {
  switch (condition.op) {
    case 'eq':
      return equals(condition.field, condition.value);
    case 'in': {
      if (condition.values.length === 0) return { sql: '0', params: [] };
      const listed = inList(condition.field, condition.values);
      if (listed) return listed;
      const clauses = condition.values.map((value) => equals(condition.field, value));
      return {
        sql: clauses.map((clause) => `(${clause.sql})`).join(' OR '),
        params: clauses.flatMap((clause) => clause.params),
      };
    }
    case 'gt':
    case 'gte':
    case 'lt':
    case 'lte':
      return compare(condition.field, condition.op, condition.value);
    default:
      throw new Error(`Unknown condition operator: ${JSON.stringify((condition as { op: unknown }).op)}`);
  }
}

/**
 * Values all of one JSON type as one `IN` list with one type guard, which an index serves as a
 * set of seeks (a list of ORs it may not); null when they are mixed or name a system field.
 */
function inList(field: string, values: readonly Scalar[]): Clause | null {
  if (field === '_id' || field === '_rev' || values.some((v) => v === null)) return null;
  const first = values[0] as Exclude<Scalar, null>;
  if (!values.every((v) => typeof v === typeof first)) return null;
  const bound = values.map((v) => (typeof v === 'boolean' ? (v ? 1 : 0) : (v as string | number)));
  const guard = typeof first === 'boolean' ? `json_type(data, ${jsonPath(field)}) IN ('true', 'false')` : typeGuard(field, first);
  return { sql: `${jsonExtract(field)} IN (${bound.map(() => '?').join(', ')}) AND ${guard}`, params: bound };
}

const OPERATORS = { gt: '>', gte: '>=', lt: '<', lte: '<=' } as const;

/**
 * Like the cloud database, a value only matches values of its own JSON type: SQLite would happily
 * compare the integer 1 with JSON `true`, or any string as greater than any number.
 */
export function typeGuard(field: string, value: Exclude<Scalar, null>): string {
  const type = `json_type(data, ${jsonPath(field)})`;
  if (typeof value === 'boolean') return `${type} = '${value ? 'true' : 'false'}'`;
  if (typeof value === 'number') return `${type} IN ('integer', 'real')`;
  return `${type} = 'text'`;
}

export function equals(field: string, value: Scalar): Clause {
  if (field === '_id' || field === '_rev') {
    const matchesType = field === '_id' ? typeof value === 'string' : typeof value === 'number';
    return matchesType ? { sql: `${columnOf(field)} = ?`, params: [value as string | number] } : { sql: '0', params: [] };
  }
  // json_extract is NULL both for JSON null and for a missing path, which is what `eq null` means.
  if (value === null) return { sql: `${jsonExtract(field)} IS NULL`, params: [] };
  // JSON booleans come out of json_extract as 1 and 0, so booleans are bound the same way.
  const bound = typeof value === 'boolean' ? (value ? 1 : 0) : value;
  return { sql: `${jsonExtract(field)} = ? AND ${typeGuard(field, value)}`, params: [bound] };
}

export function compare(field: string, op: keyof typeof OPERATORS, value: string | number): Clause {
  if (typeof value !== 'string' && typeof value !== 'number') {
    throw new Error(`Operator ${op} compares strings or numbers, got ${JSON.stringify(value)}`);
  }
  const operator = OPERATORS[op];
  if (field === '_id' || field === '_rev') {
    const matchesType = field === '_id' ? typeof value === 'string' : typeof value === 'number';
    return matchesType ? { sql: `${columnOf(field)} ${operator} ?`, params: [value] } : { sql: '0', params: [] };
  }
  return { sql: `${jsonExtract(field)} ${operator} ? AND ${typeGuard(field, value)}`, params: [value] };
}
