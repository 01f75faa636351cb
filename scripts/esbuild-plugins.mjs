/**
 * esbuild plugins the build (scripts/bundle.mjs) and test/browser.test.ts share.
 *
 * standaloneValidators: src/rulebook/validators.ts compiles the JSON Schemas
 * with ajv when run from source; in a bundle it is replaced by ajv's standalone
 * code for the same schemas (from src/rulebook/schemas.ts, through the tools
 * bundle), so no bundle carries ajv's compiler or calls `new Function`.
 */
import { createRequire } from 'node:module';
import { join } from 'node:path';

const require = createRequire(import.meta.url);

/** ES module source of the two validators, `rule` and `config`, as ajv's standalone code. */
export function validatorsSource({ ruleSchema, configSchema }) {
  const Ajv = require('ajv').default;
  const standaloneCode = require('ajv/dist/standalone').default;
  const ajv = new Ajv({ allErrors: true, strict: false, code: { source: true, esm: true, optimize: true } });
  ajv.addSchema(ruleSchema, 'rule.schema.json');
  ajv.addSchema(configSchema, 'config.schema.json');
  const code = standaloneCode(ajv, { rule: 'rule.schema.json', config: 'config.schema.json' });
  return `${code}\nexport function compiledValidators() { return { rule, config }; }\n`;
}

/** Replace src/rulebook/validators.ts with `source` (from validatorsSource). */
export function standaloneValidators(root, source) {
  return {
    name: 'replylint-standalone-validators',
    setup(build) {
      build.onLoad({ filter: /[\\/]src[\\/]rulebook[\\/]validators\.ts$/ }, () => ({ contents: source, loader: 'js', resolveDir: join(root, 'src/rulebook') }));
    },
  };
}
