import { createHash } from 'node:crypto';
import { HeaderMap, type ApolloServerPlugin } from '@apollo/server';
import { todayInEngland } from '@ccg-assure/domain';
import type { DataSource } from 'typeorm';
import type { Viewer } from '../auth/viewer';
import type { RequestContext } from './request-context';
import { dataVersion } from './response-cache.queries';

/** The response header that says whether an answer came from the cache (`HIT`) or was made and kept (`MISS`). */
export const RESPONSE_CACHE_HEADER = 'x-response-cache';

/** How much a process keeps: entries, their total and single size (bytes of JSON), and how long one lives at most. */
export interface ResponseCacheLimits {
  maxEntries: number;
  maxBytes: number;
  maxEntryBytes: number;
  /** Bounds how stale an answer that depends on the clock rather than the data (a session past its expiry) can get. */
  maxAgeMs: number;
}

export const RESPONSE_CACHE_LIMITS: ResponseCacheLimits = { maxEntries: 2_000, maxBytes: 64 * 1024 * 1024, maxEntryBytes: 4 * 1024 * 1024, maxAgeMs: 60_000 };

type Data = Record<string, unknown>;

interface Entry {
  data: Data;
  bytes: number;
  storedAt: number;
}

/** A least-recently-used map bounded by entries and bytes, whose entries expire after maxAgeMs. */
export class AnswerStore {
  private readonly entries = new Map<string, Entry>();
  private bytes = 0;

  constructor(
    private readonly limits: ResponseCacheLimits,
    private readonly clock: () => number = Date.now,
  ) {}

  get size(): number {
    return this.entries.size;
  }

  get totalBytes(): number {
    return this.bytes;
  }

  get(key: string): Data | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    this.entries.delete(key);
    if (this.clock() - entry.storedAt >= this.limits.maxAgeMs) {
      this.bytes -= entry.bytes;
      return undefined;
    }
    // Most recently used last: Map keeps insertion order.
    this.entries.set(key, entry);
    return entry.data;
  }

  /** Keeps an answer, unless it alone is larger than maxEntryBytes; drops the least recently used to stay in bounds. */
  set(key: string, data: Data, bytes: number): boolean {
    if (bytes > this.limits.maxEntryBytes) return false;
    const previous = this.entries.get(key);
    if (previous) {
      this.entries.delete(key);
      this.bytes -= previous.bytes;
    }
    this.entries.set(key, { data, bytes, storedAt: this.clock() });
    this.bytes += bytes;
    for (const [oldest, entry] of this.entries) {
      if (this.entries.size <= this.limits.maxEntries && this.bytes <= this.limits.maxBytes) break;
      this.entries.delete(oldest);
      this.bytes -= entry.bytes;
    }
    return true;
  }
}

/**
 * Whole answers of queries, kept in this process's memory and keyed by what could make them differ (decision 0036):
 * the operation (text, name, variables), the viewer (account, session, roles; null signed out), the day in England,
 * and the data version (the sum of `data_version`'s slots, response-cache.queries.ts), read once per query. Any
 * transaction that writes, in this process or another, raises it as it commits, so the next query of every process
 * misses and is answered afresh. Mutations are never looked up or kept, nor any answer with an error.
 */
export function responseCache(dataSource: DataSource, limits: ResponseCacheLimits = RESPONSE_CACHE_LIMITS, clock: () => Date = () => new Date()): ApolloServerPlugin<RequestContext> {
  const store = new AnswerStore(limits, () => clock().getTime());
  return {
    async requestDidStart() {
      let key: string | null = null;
      let served = false;
      return {
        async responseForOperation({ operation, request, source, contextValue }) {
          if (operation.operation !== 'query') return null;
          const { version } = await dataVersion.one(dataSource.manager, []);
          key = keyOf([version, todayInEngland(clock()), viewerKey(contextValue.viewer), request.operationName ?? null, source, request.variables ?? {}]);
          const data = store.get(key);
          if (data === undefined) return null;
          served = true;
          return { http: { status: undefined, headers: new HeaderMap([[RESPONSE_CACHE_HEADER, 'HIT']]) }, body: { kind: 'single', singleResult: { data } } };
        },
        async willSendResponse({ response }) {
          if (key === null || served) return;
          const { body } = response;
          if (body.kind !== 'single' || body.singleResult.errors?.length || !body.singleResult.data) return;
          const { data } = body.singleResult;
          if (store.set(key, data, Buffer.byteLength(JSON.stringify(data)))) response.http.headers.set(RESPONSE_CACHE_HEADER, 'MISS');
        },
      };
    },
  };
}

/** Who asks: never shared between accounts, sessions or role sets. */
function viewerKey(viewer: Viewer | null): unknown {
  if (viewer === null) return null;
  const roles = viewer.roles.map((assignment) => `${assignment.role}@${assignment.organisationCode}`).sort();
  return [viewer.userId, viewer.sessionId ?? null, viewer.mustChangePassword ?? false, roles];
}

const keyOf = (parts: unknown[]): string => createHash('sha256').update(JSON.stringify(parts)).digest('base64url');
