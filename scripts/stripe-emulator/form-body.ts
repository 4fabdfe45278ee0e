/** A decoded Stripe request parameter: Stripe's form encoding nests objects and arrays with brackets. */
export type Param = string | ParamObject | Param[];
export interface ParamObject {
  [key: string]: Param;
}

const KEY = /^([^[\]]+)((?:\[[^\]]*\])*)$/;

/**
 * Decodes Stripe's wire format: `a[b][0][c]=v&expand[0]=x` becomes `{ a: { b: [{ c: "v" }] }, expand: ["x"] }`.
 * Objects whose keys are all indices (or `[]` appends) become arrays, in index order. An empty value
 * stays `""`, which Stripe reads as "unset this field".
 */
export function parseFormBody(body: string): ParamObject {
  const root: ParamObject = {};
  for (const [rawKey, value] of new URLSearchParams(body)) {
    const match = KEY.exec(rawKey);
    if (!match) continue;
    const path = [match[1] as string, ...[...(match[2] ?? "").matchAll(/\[([^\]]*)\]/g)].map((m) => m[1] as string)];
    assign(root, path, value);
  }
  return toArrays(root) as ParamObject;
}

function assign(target: ParamObject, path: string[], value: string) {
  let node = target;
  for (let i = 0; i < path.length - 1; i++) {
    let key = path[i] as string;
    if (key === "") key = String(Object.keys(node).length);
    const next = node[key];
    if (typeof next === "object" && !Array.isArray(next)) node = next;
    else node = node[key] = {};
  }
  let last = path[path.length - 1] as string;
  if (last === "") last = String(Object.keys(node).length);
  node[last] = value;
}

function toArrays(value: Param): Param {
  if (typeof value === "string" || Array.isArray(value)) return value;
  const keys = Object.keys(value);
  const converted: ParamObject = {};
  for (const key of keys) converted[key] = toArrays(value[key] as Param);
  if (keys.length > 0 && keys.every((k) => /^\d+$/.test(k))) {
    return keys.sort((a, b) => Number(a) - Number(b)).map((k) => converted[k] as Param);
  }
  return converted;
}
