/** JSON Schema validation (ajv) of YAML data, with errors turned into sentences at file:line:column. */
import type { ErrorObject } from 'ajv';
import { configSchema, ruleSchema } from './schemas.js';
import { didYouMean } from './errors.js';
import { compiledValidators } from './validators.js';
import { pathName, type Path, type YamlFile } from './yaml.js';

function toPath(pointer: string): Path {
  if (!pointer) return [];
  return pointer
    .slice(1)
    .split('/')
    .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((p) => (/^\d+$/.test(p) ? Number(p) : p));
}

/** The one error to show: the most specific, skipping the "if/then" and "oneOf" wrappers. */
function pick(errors: ErrorObject[]): ErrorObject {
  const useful = errors.filter((e) => e.keyword !== 'if' && e.keyword !== 'oneOf');
  const pool = useful.length ? useful : errors;
  // Prefer unknown keys and missing keys, then the deepest error.
  const rank = (e: ErrorObject) => (e.keyword === 'additionalProperties' ? 0 : e.keyword === 'required' ? 1 : e.keyword === 'false schema' ? 2 : 3);
  return [...pool].sort((a, b) => rank(a) - rank(b) || b.instancePath.length - a.instancePath.length)[0];
}

function where(path: Path): string {
  return path.length ? `"${pathName(path)}"` : 'the file';
}

function explain(yaml: YamlFile, e: ErrorObject, schemaProps: (path: Path) => string[]): never {
  const path = toPath(e.instancePath);
  const p = e.params as Record<string, unknown>;
  switch (e.keyword) {
    case 'additionalProperties': {
      const key = String(p.additionalProperty);
      const known = schemaProps(path);
      const hint = didYouMean(key, known) || (known.length ? ` (expected one of: ${known.join(', ')})` : '');
      return yaml.fail([...path, key], `unknown key "${key}"${path.length ? ` in ${where(path)}` : ''}${hint}`, true);
    }
    case 'required':
      return yaml.fail(path, `missing key "${String(p.missingProperty)}"${path.length ? ` in ${where(path)}` : ''}`);
    case 'false schema': {
      const key = String(path[path.length - 1]);
      return yaml.fail(path, `key "${key}" does not belong in a rule of this kind`, true);
    }
    case 'enum': {
      const allowed = (p.allowedValues as unknown[]).map(String);
      const value = String(valueAt(yaml.data, path));
      return yaml.fail(path, `${where(path)} is "${value}", but must be one of ${allowed.join(', ')}${didYouMean(value, allowed)}`);
    }
    case 'type':
      return yaml.fail(path, `${where(path)} must be ${p.type === 'object' ? 'a mapping' : p.type === 'array' ? 'a list' : `a ${String(p.type)}`}`);
    case 'minLength':
    case 'minItems':
      return yaml.fail(path, `${where(path)} must not be empty`);
    case 'pattern':
      if (path[path.length - 1] === 'id' || path.length === 0) return yaml.fail(path, `${where(path)} must be kebab-case (lower-case words joined by "-")`);
      return yaml.fail(path, `${where(path)} ${e.message}`);
    case 'propertyNames':
      return yaml.fail(path, `${where(path)} has a key that is not a kebab-case name`);
    default:
      return yaml.fail(path, `${where(path)} ${e.message}`);
  }
}

function valueAt(data: unknown, path: Path): unknown {
  let v = data;
  for (const p of path) v = (v as Record<string | number, unknown> | undefined)?.[p];
  return v;
}

/** Keys allowed at a path, for "did you mean" (looks the path up in the schema, roughly). */
function keysAt(schema: Record<string, unknown>, root: Record<string, unknown>, path: Path): string[] {
  let s: Record<string, unknown> | undefined = schema;
  const deref = (x: Record<string, unknown> | undefined): Record<string, unknown> | undefined => {
    const ref = x?.$ref as string | undefined;
    if (!ref) return x;
    const [file, pointer] = ref.split('#');
    const base = file ? root : schema;
    return deref(toPath(pointer).reduce<unknown>((o, k) => (o as Record<string | number, unknown>)?.[k], base) as Record<string, unknown>);
  };
  for (const p of path) {
    s = deref(s);
    if (!s) return [];
    if (typeof p === 'number') s = s.items as Record<string, unknown> | undefined;
    else s = ((s.properties as Record<string, unknown> | undefined)?.[p] ?? s.additionalProperties) as Record<string, unknown> | undefined;
  }
  s = deref(s);
  if (s?.oneOf) s = deref((s.oneOf as Record<string, unknown>[]).find((o) => deref(o)?.properties));
  return Object.keys((s?.properties as object | undefined) ?? {});
}

export function validateRule(yaml: YamlFile): void {
  const { rule } = compiledValidators();
  if (!rule(yaml.data)) explain(yaml, pick(rule.errors!), (path) => keysAt(ruleSchema, ruleSchema, path));
}

export function validateConfig(yaml: YamlFile, data: unknown = yaml.data): void {
  const { config } = compiledValidators();
  if (!config(data)) explain(yaml, pick(config.errors!), (path) => keysAt(configSchema, ruleSchema, path));
}
