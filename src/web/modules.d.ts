/** Modules that only the page's bundle has (scripts/build-web.mjs resolves them). */
declare module 'replylint-web:rules' {
  /** The bundled rule definitions, validated by the build (dist/rules.json's `rules`). */
  export const rules: unknown[];
}
