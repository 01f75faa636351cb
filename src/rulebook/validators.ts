/**
 * The compiled JSON Schema validators of rule files and configs. Run from
 * source (tests, scripts), ajv compiles them on first use. The build
 * (scripts/bundle.mjs) replaces this module with ajv's standalone code,
 * generated from the same schemas: a bundle validates without ajv's compiler,
 * so without `new Function` (a browser page's Content-Security-Policy may
 * forbid it) and without compiling the schemas at run time (~130 ms at the
 * first config or rule file).
 */
import AjvModule from 'ajv';
import type { ValidateFunction } from 'ajv';
import { configSchema, ruleSchema } from './schemas.js';

export interface Validators {
  rule: ValidateFunction;
  config: ValidateFunction;
}

let validators: Validators | undefined;

export function compiledValidators(): Validators {
  if (!validators) {
    const Ajv = (AjvModule as unknown as { default?: typeof AjvModule }).default ?? AjvModule;
    const ajv = new (Ajv as unknown as typeof AjvModule.default)({ allErrors: true, strict: false });
    ajv.addSchema(ruleSchema as object, 'rule.schema.json');
    validators = { rule: ajv.getSchema('rule.schema.json')!, config: ajv.compile(configSchema as object) };
  }
  return validators;
}
