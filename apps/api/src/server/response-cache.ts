import { createHash } from 'node:crypto';
import { brotliCompressSync, constants as zlibConstants, gzipSync } from 'node:zlib';
import type { ApolloServerPlugin } from '@apollo/server';
import { todayInEngland } from '@ccg-assure/domain';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
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

/** Answers smaller than this travel uncompressed, as the compression middleware sends them (compression.ts). */
const COMPRESSION_THRESHOLD_BYTES = 1024;

interface Entry<T> {
  value: T;
  bytes: number;
  storedAt: number;
}

/** A least-recently-used map bounded by entries and bytes, whose entries expire after maxAgeMs. */
export class AnswerStore<T = unknown> {
  private readonly entries = new Map<string, Entry<T>>();
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

  get(key: string): T | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    this.entries.delete(key);
    if (this.clock() - entry.storedAt >= this.limits.maxAgeMs) {
      this.bytes -= entry.bytes;
      return undefined;
    }
    // Most recently used last: Map keeps insertion order.
    this.entries.set(key, entry);
    return entry.value;
  }

  /** Keeps an answer, unless it alone is larger than maxEntryBytes; drops the least recently used to stay in bounds. */
  set(key: string, value: T, bytes: number): boolean {
    if (bytes > this.limits.maxEntryBytes) return false;
    const previous = this.entries.get(key);
    if (previous) {
      this.entries.delete(key);
      this.bytes -= previous.bytes;
    }
    this.entries.set(key, { value, bytes, storedAt: this.clock() });
    this.bytes += bytes;
    this.evict(key);
    return true;
  }

  /** Adds `extraBytes` to a kept answer's size (its compressed copies, made when first asked for), within maxBytes. */
  grow(key: string, extraBytes: number): void {
    const entry = this.entries.get(key);
    if (!entry) return;
    entry.bytes += extraBytes;
    this.bytes += extraBytes;
    this.evict(key);
  }

  /** Drops the least recently used answers until within bounds, never `keep` (the one just kept or grown). */
  private evict(keep: string): void {
    for (const [oldest, entry] of this.entries) {
      if ((this.entries.size <= this.limits.maxEntries && this.bytes <= this.limits.maxBytes) || oldest === keep) break;
      this.entries.delete(oldest);
      this.bytes -= entry.bytes;
    }
  }
}

type Encoding = 'br' | 'gzip';

/** One kept answer: the body exactly as Apollo sent it, the headers it sent with it, and compressed copies made on demand. */
export interface KeptAnswer {
  body: Buffer;
  /** Apollo's headers of the answer: read when served, as Apollo adds some (content type, cache control) after plugins. */
  headers: Iterable<[string, string]>;
  /** The body's ETag as Express makes it (its `etag fn`), worked out when first served. */
  etag?: string;
  encoded: Partial<Record<Encoding, Buffer>>;
}

/** What the cache leaves for Apollo's context on a request it could not answer: who asks, and the key to keep the answer under. */
export interface ResponseCacheLocals {
  viewer: Viewer | null;
  sessionToken: string | null;
  key: string | null;
}

/** Where the lookup leaves its findings on `res.locals`, for the context function and the plugin. */
export const RESPONSE_CACHE_LOCALS = 'responseCache';

export interface ResponseCache {
  /**
   * Express middleware in front of Apollo on POST /graphql: works out who asks and the key, and answers a query it
   * has kept with the kept bytes (compressed as the client accepts) without Apollo; otherwise passes on.
   */
  lookup: RequestHandler;
  /** The Apollo plugin that keeps the answers of queries without errors under the key the lookup worked out. */
  plugin: ApolloServerPlugin<RequestContext>;
  /** How many answers are kept (for tests). */
  readonly size: number;
}

export interface ResponseCacheOptions {
  dataSource: DataSource;
  /** Who holds the session token the request carries (auth.viewerForToken); null when signed out or not valid. */
  viewerForToken: (token: string) => Promise<Viewer | null>;
  /** The session token the request carries, if any (auth/session-cookie readSessionToken). */
  readSessionToken: (req: Request) => string | null;
  limits?: ResponseCacheLimits;
  clock?: () => Date;
}

/**
 * Whole answers of queries, kept in this process's memory as the bytes Apollo sent and keyed by what could make them
 * differ (decision 0036): the operation (text, name, variables), the viewer (account, session, roles; null signed out),
 * the day in England, and the data version (the sum of `data_version`'s slots, response-cache.queries.ts), read once
 * per request before anything runs. Any transaction that writes, in this process or another, raises it as it commits,
 * so the next query of every process misses and is answered afresh. Mutations are never kept (so never served), nor
 * any answer with an error. A kept answer is sent by the lookup in front of Apollo: a repeated question costs the
 * viewer, the version read and the write of bytes already made (and compressed once per encoding).
 */
export function createResponseCache(options: ResponseCacheOptions): ResponseCache {
  const { dataSource, viewerForToken, readSessionToken, limits = RESPONSE_CACHE_LIMITS, clock = () => new Date() } = options;
  const store = new AnswerStore<KeptAnswer>(limits, () => clock().getTime());

  const lookup = async (req: Request, res: Response, next: NextFunction): Promise<void> => {
    try {
      const sessionToken = readSessionToken(req);
      const viewer = sessionToken ? await viewerForToken(sessionToken) : null;
      const operation = operationOf(req);
      let key: string | null = null;
      if (operation) {
        const { version } = await dataVersion.one(dataSource.manager, []);
        key = keyOf([version, todayInEngland(clock()), viewerKey(viewer), operation.operationName, operation.query, operation.variables]);
        const kept = store.get(key);
        if (kept) {
          send(req, res, store, key, kept);
          return;
        }
      }
      const locals: ResponseCacheLocals = { viewer, sessionToken, key };
      res.locals[RESPONSE_CACHE_LOCALS] = locals;
      next();
    } catch (error) {
      next(error);
    }
  };

  const plugin: ApolloServerPlugin<RequestContext> = {
    async requestDidStart({ contextValue }) {
      const key = contextValue.responseCacheKey ?? null;
      if (key === null) return;
      let isQuery = false;
      return {
        async didResolveOperation({ operation }) {
          isQuery = operation?.operation === 'query';
        },
        async willSendResponse({ response }) {
          const { body } = response;
          if (!isQuery || body.kind !== 'single' || body.singleResult.errors?.length || !body.singleResult.data) return;
          if (response.http.status !== undefined && response.http.status !== 200) return;
          // What Apollo sends for an answer with data and nothing else (its prettyJSONStringify).
          const bytes = Buffer.from(`${JSON.stringify({ data: body.singleResult.data })}\n`);
          if (store.set(key, { body: bytes, headers: response.http.headers, encoded: {} }, bytes.length)) response.http.headers.set(RESPONSE_CACHE_HEADER, 'MISS');
        },
      };
    },
  };

  return {
    lookup: (req, res, next) => void lookup(req, res, next),
    plugin,
    get size() {
      return store.size;
    },
  };
}

/** The operation of a POST whose JSON body names one by its text; null for anything else (Apollo answers it). */
function operationOf(req: Request): { query: string; operationName: string | null; variables: unknown } | null {
  if (req.method !== 'POST') return null;
  const body: unknown = req.body;
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return null;
  const { query, operationName, variables } = body as Record<string, unknown>;
  if (typeof query !== 'string') return null;
  if (operationName !== undefined && operationName !== null && typeof operationName !== 'string') return null;
  return { query, operationName: operationName ?? null, variables: variables ?? {} };
}

/** Sends a kept answer with the headers Apollo sent it with, compressed as the client accepts (brotli, then gzip). */
function send(req: Request, res: Response, store: AnswerStore<KeptAnswer>, key: string, kept: KeptAnswer): void {
  for (const [name, value] of kept.headers) if (name !== RESPONSE_CACHE_HEADER) res.setHeader(name, value);
  res.setHeader(RESPONSE_CACHE_HEADER, 'HIT');
  res.setHeader('vary', 'Accept-Encoding');
  if (kept.etag === undefined) {
    const etagOf = req.app.get('etag fn') as ((body: Buffer, encoding: string) => string) | undefined;
    kept.etag = etagOf ? etagOf(kept.body, 'utf8') : '';
  }
  if (kept.etag) res.setHeader('etag', kept.etag);
  let body = kept.body;
  if (body.length >= COMPRESSION_THRESHOLD_BYTES) {
    // As the compression middleware chooses for the clients there are (equal weights): brotli first, then gzip.
    const encoding = req.acceptsEncodings('br') === 'br' ? 'br' : req.acceptsEncodings('gzip') === 'gzip' ? 'gzip' : null;
    if (encoding) {
      let encoded = kept.encoded[encoding];
      if (!encoded) {
        encoded = encoding === 'br' ? brotliCompressSync(body, { params: { [zlibConstants.BROTLI_PARAM_QUALITY]: 5, [zlibConstants.BROTLI_PARAM_SIZE_HINT]: body.length } }) : gzipSync(body);
        kept.encoded[encoding] = encoded;
        store.grow(key, encoded.length);
      }
      res.setHeader('content-encoding', encoding);
      body = encoded;
    }
  }
  res.setHeader('content-length', String(body.length));
  res.status(200).end(body);
}

/** Who asks: never shared between accounts, sessions or role sets. */
function viewerKey(viewer: Viewer | null): unknown {
  if (viewer === null) return null;
  const roles = viewer.roles.map((assignment) => `${assignment.role}@${assignment.organisationCode}`).sort();
  return [viewer.userId, viewer.sessionId ?? null, viewer.mustChangePassword ?? false, roles];
}

const keyOf = (parts: unknown[]): string => createHash('sha256').update(JSON.stringify(parts)).digest('base64url');
