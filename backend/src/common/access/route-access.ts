import { RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { DiscoveryService, MetadataScanner, Reflector } from '@nestjs/core';
import { ACCESS_KEY, AccessRule } from './access.decorators';

export interface RouteAccess {
  controller: string;
  handler: string;
  method: string;
  path: string;
  access: AccessRule | undefined;
}

/** Every HTTP route of the app with the access rule it declares (undefined when it declares none). */
export function listRoutes(
  discovery: DiscoveryService,
  scanner: MetadataScanner,
  reflector: Reflector,
): RouteAccess[] {
  const routes: RouteAccess[] = [];
  for (const wrapper of discovery.getControllers()) {
    const { instance, metatype } = wrapper;
    if (!instance || !metatype) continue;
    const proto = Object.getPrototypeOf(instance) as Record<string, unknown>;
    const base = String(Reflect.getMetadata(PATH_METADATA, metatype) ?? '');
    for (const name of scanner.getAllMethodNames(proto)) {
      const handler = proto[name] as (...args: unknown[]) => unknown;
      const method = Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod | undefined;
      if (method === undefined) continue;
      routes.push({
        controller: metatype.name,
        handler: name,
        method: RequestMethod[method],
        path: `/${[base, String(Reflect.getMetadata(PATH_METADATA, handler) ?? '')].filter(Boolean).join('/')}`.replace(
          /\/+/g,
          '/',
        ),
        access: reflector.getAllAndOverride<AccessRule | undefined>(ACCESS_KEY, [
          handler,
          metatype,
        ]),
      });
    }
  }
  return routes;
}
