import { Injectable } from '@nestjs/common';
import { LRUCache } from 'lru-cache';
import type { CourseSummary, Page } from '@qadam/contracts';

/**
 * Catalog pages, shared by every request of this process. On exam day thousands of teachers
 * open the same first page; the catalog changes only when a version is published. Publishing
 * clears this process's pages at once; other API processes see the change within the TTL.
 * Concurrent misses of one key make one query (lru-cache's fetch).
 */
@Injectable()
export class CatalogCache {
  static readonly TTL_MS = 5000;
  private readonly pages = new LRUCache<
    string,
    Page<CourseSummary>,
    () => Promise<Page<CourseSummary>>
  >({
    max: 2000,
    ttl: CatalogCache.TTL_MS,
    fetchMethod: (_key, _stale, { context }) => context(),
  });

  async page(key: string, load: () => Promise<Page<CourseSummary>>): Promise<Page<CourseSummary>> {
    return (await this.pages.fetch(key, { context: load }))!;
  }

  clear(): void {
    this.pages.clear();
  }
}
