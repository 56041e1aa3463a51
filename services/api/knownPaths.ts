/**
 * Which methods the API serves on a path, so that a request with another method on a known path is
 * `405 method_not_allowed` with an `Allow` header rather than a 404. Routes are collected as they are
 * registered (Fastify's `onRoute`); `:param` segments match one segment, `*` the rest.
 */
import type { FastifyInstance } from 'fastify';

export interface KnownPaths {
  /** The methods served on `path` (no query), sorted; empty when no route has that path. */
  methodsOn(path: string): string[];
}

const escape = (s: string) => s.replace(/[.+?^${}()|[\]\\]/g, '\\$&');

function patternOf(url: string): RegExp {
  const source = url
    .split('/')
    .map((segment) => (segment.startsWith(':') ? '[^/]+' : segment === '*' ? '.*' : escape(segment).replace(/\*/g, '.*')))
    .join('/');
  return new RegExp(`^${source}/?$`);
}

export function trackKnownPaths(app: FastifyInstance): KnownPaths {
  const routes: { pattern: RegExp; methods: string[] }[] = [];
  app.addHook('onRoute', (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    routes.push({ pattern: patternOf(route.url), methods: methods.map((m) => m.toUpperCase()) });
  });
  return {
    methodsOn(path) {
      const found = new Set<string>();
      for (const r of routes) if (r.pattern.test(path)) for (const m of r.methods) found.add(m);
      return [...found].sort();
    },
  };
}
