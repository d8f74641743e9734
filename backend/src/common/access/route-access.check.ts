import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { DiscoveryService, MetadataScanner, Reflector } from '@nestjs/core';
import { listRoutes } from './route-access';

/** Refuses to start an app that has a route without an access rule, so the mistake never ships. */
@Injectable()
export class RouteAccessCheck implements OnApplicationBootstrap {
  constructor(
    private readonly discovery: DiscoveryService,
    private readonly scanner: MetadataScanner,
    private readonly reflector: Reflector,
  ) {}

  onApplicationBootstrap(): void {
    const unmarked = listRoutes(this.discovery, this.scanner, this.reflector).filter(
      (r) => !r.access,
    );
    if (unmarked.length) {
      const list = unmarked
        .map((r) => `${r.method} ${r.path} (${r.controller}.${r.handler})`)
        .join(', ');
      throw new Error(`Routes without @Public(), @SignedIn() or @Roles(): ${list}`);
    }
  }
}
