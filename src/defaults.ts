/** replylint's own plugins: the registries a rulebook is compiled with unless a caller passes others. */
import type { Registries } from './core/engine.js';
import { FIXES } from './fixes/index.js';
import { KINDS } from './kinds/index.js';
import { LANGUAGES } from './lang/index.js';

export const DEFAULTS: Registries = { kinds: KINDS, fixes: FIXES, languages: LANGUAGES };
