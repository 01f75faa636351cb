/**
 * The JSON Schemas of rule files and of .replylintrc.yaml. The source of truth
 * is here (the rule schema is assembled from the rule kinds, so a new kind is
 * a new file in src/kinds/, and the per-language keys come from src/lang/); `npm run docs` writes them to schema/*.json for
 * editors (`# yaml-language-server: $schema=...`), and a test fails when those
 * are stale.
 */
import { FIXES } from '../fixes/index.js';
import { KINDS } from '../kinds/index.js';
import { LANGUAGE_CODES, perLanguage } from '../lang/index.js';

const definitions = {
  "severity": {
    "enum": [
      "error",
      "warning",
      "info"
    ]
  },
  // A rule file has every text in every language.
  "text": {
    "type": "object",
    "additionalProperties": false,
    "required": [...LANGUAGE_CODES],
    "properties": perLanguage(() => ({
      "type": "string",
      "minLength": 1
    }))
  },
  // A text in some of the languages (a team's own sentence, say).
  "someText": {
    "type": "object",
    "additionalProperties": false,
    "properties": perLanguage(() => ({
      "type": "string",
      "minLength": 1
    }))
  },
  "phraseList": {
    "type": "array",
    "items": {
      "type": "string",
      "minLength": 1
    }
  },
  "phrases": {
    "type": "object",
    "additionalProperties": false,
    "properties": perLanguage(() => ({
      "$ref": "#/definitions/phraseList"
    }))
  },
  "words": {
    "type": "object",
    "description": "named word lists, used in phrases as <name>: one list for both languages, or one per language",
    "propertyNames": {
      "pattern": "^[a-z][a-z0-9-]*$"
    },
    "additionalProperties": {
      "oneOf": [
        {
          "$ref": "#/definitions/phraseList"
        },
        {
          "$ref": "#/definitions/phrases"
        }
      ]
    }
  },
  "fix": {
    "type": "object",
    "additionalProperties": false,
    "description": "a safe automatic rewrite, applied by --fix (see docs/rule-format.md)",
    "required": ["type"],
    "properties": {
      "type": { "enum": [...FIXES.keys()] },
      "text": { "$ref": "#/definitions/text", "description": "insert-sentence: the sentence to insert" },
      "when": { "$ref": "#/definitions/phrases", "description": "remove: only when the whole match is one of these phrases" },
      "after": { "$ref": "#/definitions/phrases", "description": "insert-sentence: go after an opening sentence that starts with one of these" }
    }
  },
  "rewriteList": {
    "type": "array",
    "items": {
      "type": "object",
      "additionalProperties": false,
      "required": ["find"],
      "oneOf": [{ "required": ["replace"] }, { "required": ["advice"] }],
      "properties": {
        "find": { "type": "string", "minLength": 1, "description": "a phrase to look for in the sentence of a hit" },
        "replace": { "type": "string", "description": "what replaces it; [slots] for the writer, {formal|informal} for the register" },
        "advice": { "type": "string", "minLength": 1, "description": "one short sentence on what to do instead, where no rewrite fits" }
      }
    }
  },
  "exampleSet": {
    "type": "object",
    "additionalProperties": false,
    "properties": {
      "invalid": {
        "type": "array",
        "items": {
          "type": "object",
          "additionalProperties": false,
          "required": [
            "text",
            "hits"
          ],
          "properties": {
            "text": {
              "type": "string",
              "minLength": 1
            },
            "hits": {
              "type": "integer",
              "minimum": 1
            },
            "output": {
              "type": "string",
              "description": "the text after --fix"
            },
            "suggested": {
              "type": "string",
              "description": "the text with the first hit's suggested rewrite applied"
            }
          }
        }
      },
      "valid": {
        "type": "array",
        "items": {
          "type": "string",
          "minLength": 1
        }
      }
    }
  }
};

const common: Record<string, object> = {
  id: { type: 'string', pattern: '^[a-z][a-z0-9]*(-[a-z0-9]+)*$', description: 'kebab-case, the same as the file name' },
  kind: { enum: [...KINDS.keys()] },
  severity: { $ref: '#/definitions/severity' },
  description: { $ref: '#/definitions/text', description: 'one line, for `replylint rules` and docs/rules.md' },
  source: {
    type: 'array',
    minItems: 1,
    description: 'the articles and passages the rule comes from',
    items: {
      type: 'object',
      additionalProperties: false,
      required: ['quote'],
      anyOf: [{ required: ['article'] }, { required: ['seed'] }],
      properties: {
        article: { type: 'string', minLength: 1, description: 'the title of the article' },
        seed: { type: 'string', minLength: 1, description: 'older name of `article`' },
        quote: { type: 'string', minLength: 1, description: 'the passage, verbatim' },
      },
    },
  },
  message: { $ref: '#/definitions/text', description: 'shown at each hit; {{match}} is the matched text, and a kind may fill in more (limit: {{count}}, the occurrence over the limit, and {{max}})' },
  suggestion: { $ref: '#/definitions/text', description: 'short general advice to the writer: what to do instead (one sentence, no example)' },
  rewrites: {
    type: 'object',
    additionalProperties: false,
    description: 'rewrites of the writer\'s sentence per phrase found in it: `replace` (with [slots] and {formal|informal}), or `advice` where no rewrite fits',
    properties: perLanguage(() => ({ $ref: '#/definitions/rewriteList' })),
  },
  fix: { $ref: '#/definitions/fix' },
  examples: {
    type: 'object',
    additionalProperties: false,
    properties: perLanguage(() => ({ $ref: '#/definitions/exampleSet' })),
  },
};

const kindProperties: Record<string, object> = {};
for (const kind of KINDS.values()) Object.assign(kindProperties, kind.schema.properties);

/**
 * The options a team may set, over all kinds, each with its schema from the
 * kind (references point into the rule schema). Two kinds that share an option
 * must agree on its schema and on how it merges.
 */
function ruleOptionProperties(): Record<string, object> {
  const out: Record<string, object> = {};
  const by: Record<string, string> = {};
  for (const kind of KINDS.values()) {
    for (const [key, merge] of Object.entries(kind.options)) {
      const schema = kind.schema.properties[key];
      if (!schema) throw new Error(`kind ${kind.name}: option "${key}" is not one of its schema's properties`);
      const json = JSON.stringify(schema).replaceAll('"#/definitions/', '"rule.schema.json#/definitions/');
      const seen = by[key];
      if (seen !== undefined && seen !== `${merge} ${json}`) throw new Error(`kind ${kind.name}: option "${key}" differs from another kind's`);
      by[key] = `${merge} ${json}`;
      out[key] = JSON.parse(json) as object;
    }
  }
  return out;
}

export const ruleSchema = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  $id: 'https://replylint.dev/schema/rule.schema.json',
  title: 'replylint rule file',
  description: 'One rule, rules/<id>.yaml, in English and Dutch. See docs/rule-format.md.',
  type: 'object',
  additionalProperties: false,
  required: ['id', 'kind', 'severity', 'description', 'source', 'message'],
  properties: { ...common, ...kindProperties },
  allOf: [...KINDS.values()].map((kind) => ({
    if: { properties: { kind: { const: kind.name } }, required: ['kind'] },
    then: {
      ...(kind.schema.required?.length ? { required: kind.schema.required } : {}),
      properties: Object.fromEntries(Object.keys(kindProperties).filter((k) => !(k in kind.schema.properties)).map((k) => [k, false])),
    },
  })),
  definitions,
};

export const configSchema = {
  "$schema": "http://json-schema.org/draft-07/schema#",
  "$id": "https://replylint.dev/schema/config.schema.json",
  "title": "replylint configuration (.replylintrc.yaml)",
  "type": "object",
  "additionalProperties": false,
  "properties": {
    "root": {
      "type": "boolean",
      "description": "stop looking for configs in parent folders"
    },
    "extends": {
      "description": "replylint:recommended, folders of rule files, or other config files (relative to this file)",
      "oneOf": [
        {
          "type": "string",
          "minLength": 1
        },
        {
          "type": "array",
          "items": {
            "type": "string",
            "minLength": 1
          }
        }
      ]
    },
    "language": {
      "enum": [...LANGUAGE_CODES],
      "description": "language of replies whose front matter does not say"
    },
    "situation": {
      "enum": [
        "complaint",
        "question",
        "notice"
      ],
      "description": "situation of replies whose front matter does not say (otherwise detected): whole-reply rules apply only where they make sense"
    },
    "rules": {
      "$ref": "#/definitions/rules"
    },
    "overrides": {
      "type": "array",
      "items": {
        "type": "object",
        "additionalProperties": false,
        "required": [
          "files"
        ],
        "properties": {
          "files": {
            "oneOf": [
              {
                "type": "string",
                "minLength": 1
              },
              {
                "type": "array",
                "minItems": 1,
                "items": {
                  "type": "string",
                  "minLength": 1
                }
              }
            ]
          },
          "rules": {
            "$ref": "#/definitions/rules"
          },
          "language": {
            "enum": [...LANGUAGE_CODES]
          },
          "situation": {
            "enum": [
              "complaint",
              "question",
              "notice"
            ]
          }
        }
      }
    },
    "ignorePatterns": {
      "type": "array",
      "items": {
        "type": "string",
        "minLength": 1
      },
      "description": "globs (relative to this file) of files not to lint"
    },
    "placeholders": {
      "type": "array",
      "items": {
        "type": "string",
        "minLength": 1
      },
      "description": "regular expressions of extra template syntax to skip"
    },
    "blockquotes": {
      "enum": [
        "lint",
        "skip"
      ],
      "description": "lint quoted text too, or skip it (default)"
    }
  },
  "definitions": {
    "level": {
      "enum": [
        "off",
        "info",
        "warning",
        "error"
      ]
    },
    "ruleOptions": {
      "type": "object",
      "additionalProperties": false,
      "description": "added to the rule's own (lists, objects) or in its place (numbers, choices), as the rule's kind says: phrases, exceptions, word lists (e.g. your couriers), acronyms; your own inserted sentence",
      // Generated from the kinds: the options each lets a team set (RuleKind.options), with the kind's own schema for them.
      "properties": ruleOptionProperties()
    },
    "rules": {
      "type": "object",
      "propertyNames": {
        "pattern": "^[a-z][a-z0-9]*(-[a-z0-9]+)*$"
      },
      "additionalProperties": {
        "oneOf": [
          {
            "$ref": "#/definitions/level"
          },
          {
            "type": "array",
            "minItems": 1,
            "maxItems": 2,
            "items": [
              {
                "$ref": "#/definitions/level"
              },
              {
                "$ref": "#/definitions/ruleOptions"
              }
            ]
          }
        ]
      }
    }
  }
};
