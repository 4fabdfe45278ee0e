import type { EmulatorContext } from "./context";
import type { ParamObject } from "./form-body";

export type HttpMethod = "GET" | "POST" | "DELETE";

/** A Stripe API endpoint: decoded parameters and path ids in, a Stripe object or list out. */
export type ApiRequest = { params: ParamObject; path: Record<string, string> };
export type ApiRoute = { method: HttpMethod; path: string; handler: (ctx: EmulatorContext, request: ApiRequest) => object };

type Compiled<T> = { method: string; pattern: RegExp; names: string[]; route: T };

/** Matches `/v1/customers/:id`-style paths; ids are one path segment. */
export function createRouter<T extends { method: string; path: string }>(routes: T[]) {
  const compiled: Compiled<T>[] = routes.map((route) => {
    const names: string[] = [];
    const source = route.path.replace(/:([a-z_]+)/g, (_m, name: string) => {
      names.push(name);
      return "([^/]+)";
    });
    return { method: route.method, pattern: new RegExp(`^${source}$`), names, route };
  });
  return {
    /** The route for a method and path; `methodMismatch` when the path exists with another method. */
    match(method: string, pathname: string): { route: T; path: Record<string, string> } | { methodMismatch: boolean } {
      let methodMismatch = false;
      for (const entry of compiled) {
        const found = entry.pattern.exec(pathname);
        if (!found) continue;
        if (entry.method !== method) {
          methodMismatch = true;
          continue;
        }
        const path: Record<string, string> = {};
        entry.names.forEach((name, i) => (path[name] = decodeURIComponent(found[i + 1] as string)));
        return { route: entry.route, path };
      }
      return { methodMismatch };
    },
  };
}
