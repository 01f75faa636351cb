/**
 * JUnit XML, for CI systems that show test reports (GitLab, Jenkins, Azure Pipelines, ...):
 * one test case per linted file, one `<failure>` per problem. A file without problems passes.
 * `failures` counts the files (test cases) with at least one problem, as JUnit counts failed tests.
 */
import type { Formatter } from './types.js';

/**
 * Text that XML 1.0 cannot hold at all (C0 controls other than tab, line feed and carriage return,
 * lone surrogates, U+FFFE and U+FFFF), even as a character reference: replaced by U+FFFD.
 */
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

const ENTITY: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;', '\t': '&#9;', '\n': '&#10;', '\r': '&#13;' };

/** Escaped for an attribute value: tabs and line breaks as references, so they survive attribute normalisation. */
export function xmlAttr(s: string): string {
  return s.replace(NOT_XML, '\uFFFD').replace(/[&<>"'\t\n\r]/g, (c) => ENTITY[c]);
}

/** Escaped for element text (quotes need none there); a carriage return as a reference, so it survives line-end normalisation. */
export function xmlText(s: string): string {
  return s.replace(NOT_XML, '\uFFFD').replace(/[&<>\r]/g, (c) => ENTITY[c]);
}

const junit: Formatter = (reports) => {
  const failed = reports.filter((r) => r.messages.length > 0).length;
  const counts = `tests="${reports.length}" failures="${failed}" errors="0" skipped="0"`;
  let out = '<?xml version="1.0" encoding="UTF-8"?>\n';
  out += `<testsuites name="replylint" ${counts}>\n`;
  out += `  <testsuite name="replylint" ${counts}>\n`;
  for (const r of reports) {
    const name = xmlAttr(r.filePath);
    if (!r.messages.length) {
      out += `    <testcase name="${name}" classname="${name}"/>\n`;
      continue;
    }
    out += `    <testcase name="${name}" classname="${name}">\n`;
    for (const m of r.messages) {
      let text = `${r.filePath}:${m.line}:${m.column}: ${m.severity}: ${m.message} (${m.ruleId})`;
      if (m.suggestion) text += `\n→ ${m.suggestion}`;
      out += `      <failure message="${xmlAttr(`${m.ruleId}: ${m.message}`)}" type="${m.severity}">${xmlText(text)}</failure>\n`;
    }
    out += '    </testcase>\n';
  }
  out += '  </testsuite>\n</testsuites>\n';
  return out;
};

export default junit;
