#!/usr/bin/env node
/**
 * Deterministic benchmark corpus: support replies in Dutch and English, as
 * Markdown macros with front matter, lists, links, inline code and
 * {{ticket.requester.first_name}}-style placeholders. About 20% of the replies
 * contain a violation, drawn from the `invalid` examples of the rules' own YAML
 * files (phrase, limit and shouting rules), so every linter has real hits to
 * report.
 *
 * File i is the same in every corpus (each file has its own seed), so the
 * 1,000-file corpus is the first 1,000 files of the 10,000-file one.
 *
 *   node bench/generate.mjs                 # 1000 10000 40000 into bench/corpus/
 *   node bench/generate.mjs 200 1000        # chosen sizes
 *
 * Also usable as a module: `ensureCorpus(size)` returns { dir, files, bytes }
 * and only writes a corpus that is missing or was made by another generator
 * version.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

const HERE = dirname(fileURLToPath(import.meta.url));
export const ROOT = join(HERE, '..');
export const CORPUS_ROOT = join(HERE, 'corpus');
/** Bump when the generated text changes, so cached corpora are rewritten. */
const GENERATOR_VERSION = 7;
const FILES_PER_DIR = 100;

// ---------------------------------------------------------------- PRNG

/** mulberry32: small, fast, good enough for picking sentences. */
export function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function hash(n) {
  let h = (n ^ 0x9e3779b9) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b) >>> 0;
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35) >>> 0;
  return (h ^ (h >>> 16)) >>> 0;
}

// ---------------------------------------------------------------- text pools

const POOLS = {
  en: {
    greetings: ['Hi {{ticket.requester.first_name}},', 'Dear {{ticket.requester.name}},', 'Hello {{ticket.requester.first_name}},', 'Dear customer,', 'Hi there,'],
    openers: [
      'Thank you for your message about order `{{ticket.id}}`.',
      'Thanks for getting in touch, and sorry for the trouble with your delivery.',
      'Thank you for your patience while we looked into this.',
      'I am sorry to hear that the parcel arrived damaged; I can imagine how disappointing that is.',
      'Thanks for letting us know about the invoice, and apologies for the confusion.',
      'I understand how frustrating it is to wait this long for a refund.',
    ],
    body: [
      'I have checked your account and the payment of €{{ticket.custom.amount}} was received on Monday.',
      'Your replacement ships today from our warehouse in Tilburg and should arrive within two working days.',
      'The refund has been processed and will be back on your card by Friday at the latest.',
      'I have added a note to your file, so my colleagues can see what we agreed.',
      'You can keep the damaged item; there is no need to send it back.',
      'The engineer will visit you on Thursday between 8:00 and 12:00.',
      'Your subscription now renews on the 1st of each month instead of the 15th.',
      'I have applied a 10% discount to your next order as a thank you for your patience.',
      'The new charger is in the post and you will receive a tracking code by e-mail tonight.',
      'Your account has been unlocked, and you can log in again with your usual password.',
      'We have corrected the address on your order to {{ticket.requester.address}}.',
      'The voucher code `WELCOME10` is valid until the end of the month.',
      'I have reserved the last blue one in your size for you until Saturday.',
      'The delivery was moved to Wednesday because of the public holiday.',
      'I have asked our logistics team to pick the parcel up from your door tomorrow.',
      'Both invoices are attached to this e-mail as PDF files.',
    ],
    listIntros: ['Here is what happens next:', 'To sum up:', 'What I have done for you:', 'Your options are:'],
    listItems: [
      'a replacement ships **today**',
      'you receive the tracking link by e-mail',
      'the refund of €{{ticket.custom.amount}} reaches your account within 3 working days',
      'I call you on Friday to check that everything arrived',
      'your order number stays `ORD-{{ticket.id}}`',
      'the old device can go back in the same box',
      'the discount is applied automatically',
      'no action is needed on your side',
    ],
    links: [
      'You can follow the parcel [on the tracking page](https://example.com/track/{{ticket.id}}) as well.',
      'The [return label](https://example.com/returns/label.pdf) is ready for you, but I have also put one in the post.',
      'For your records, the [updated invoice](https://example.com/invoices/{{ticket.id}}) is in your account.',
      'See <https://example.com/status> for live updates on the outage, which we expect to be fixed by 18:00.',
    ],
    closings: [
      'I will e-mail you tomorrow before noon with an update.',
      'I will call you on Friday to make sure everything is sorted.',
      'If anything else comes up, just reply to this e-mail and I will pick it up personally.',
      'I will check on the delivery on Wednesday and let you know.',
    ],
    signoffs: ['Kind regards,\n{{current_user.name}}', 'Best wishes,\n{{current_user.first_name}} from the support team', 'Thanks again,\n{{current_user.name}}'],
    titles: ['Late delivery', 'Refund on its way', 'Damaged parcel', 'Invoice question', 'Subscription change', 'Engineer visit', 'Account locked', 'Wrong item'],
    tags: ['delivery', 'refund', 'invoice', 'billing', 'returns', 'account', 'warranty', 'escalation', 'vip'],
  },
  nl: {
    greetings: ['Beste {{ticket.requester.first_name}},', 'Geachte {{ticket.requester.name}},', 'Hoi {{ticket.requester.first_name}},', 'Beste klant,', 'Goedendag,'],
    openers: [
      'Bedankt voor uw bericht over bestelling `{{ticket.id}}`.',
      'Dank u wel voor uw geduld terwijl wij dit hebben uitgezocht.',
      'Het spijt me dat uw pakket beschadigd is aangekomen; ik kan me voorstellen hoe teleurstellend dat is.',
      'Bedankt dat u ons op de hoogte brengt van de factuur, en excuses voor de verwarring.',
      'Ik begrijp hoe vervelend het is om zo lang op uw geld te moeten wachten.',
      'Hartelijk dank voor uw reactie, en sorry voor het ongemak.',
    ],
    body: [
      'Ik heb uw account bekeken en de betaling van €{{ticket.custom.amount}} is maandag ontvangen.',
      'Uw nieuwe exemplaar wordt vandaag verzonden vanuit ons magazijn in Tilburg en is binnen twee werkdagen bij u.',
      'De terugbetaling is verwerkt en staat uiterlijk vrijdag weer op uw rekening.',
      'Ik heb een notitie in uw dossier gezet, zodat mijn collega’s kunnen zien wat we hebben afgesproken.',
      'U mag het beschadigde artikel houden; terugsturen is niet nodig.',
      'De monteur komt donderdag tussen 8.00 en 12.00 uur bij u langs.',
      'Uw abonnement wordt voortaan op de 1e van de maand verlengd in plaats van op de 15e.',
      'Als dank voor uw geduld heb ik 10% korting op uw volgende bestelling gezet.',
      'De nieuwe oplader is onderweg en u ontvangt vanavond een track-and-trace-code per e-mail.',
      'Uw account is weer vrijgegeven; u kunt inloggen met uw gewone wachtwoord.',
      'Wij hebben het adres op uw bestelling aangepast naar {{ticket.requester.address}}.',
      'De kortingscode `WELKOM10` is geldig tot het einde van de maand.',
      'Ik heb de laatste blauwe in uw maat tot zaterdag voor u gereserveerd.',
      'Door de feestdag is de bezorging verschoven naar woensdag.',
      'Ik heb onze logistieke afdeling gevraagd het pakket morgen bij u op te halen.',
      'Beide facturen zitten als pdf in de bijlage van deze e-mail.',
    ],
    listIntros: ['Dit gebeurt er nu:', 'Samengevat:', 'Wat ik voor u heb gedaan:', 'U kunt kiezen uit:'],
    listItems: [
      'een nieuw exemplaar wordt **vandaag** verzonden',
      'u ontvangt de track-and-trace-link per e-mail',
      'de terugbetaling van €{{ticket.custom.amount}} staat binnen 3 werkdagen op uw rekening',
      'ik bel u vrijdag om te horen of alles is aangekomen',
      'uw bestelnummer blijft `ORD-{{ticket.id}}`',
      'het oude apparaat kan terug in dezelfde doos',
      'de korting wordt automatisch verrekend',
      'u hoeft zelf niets te doen',
    ],
    links: [
      'U kunt het pakket ook volgen [op de trackingpagina](https://example.com/track/{{ticket.id}}).',
      'Het [retourlabel](https://example.com/retour/label.pdf) staat voor u klaar, maar ik heb er ook een per post gestuurd.',
      'Voor uw administratie staat de [nieuwe factuur](https://example.com/facturen/{{ticket.id}}) in uw account.',
      'Op <https://example.com/status> ziet u de actuele stand van de storing; wij verwachten dat die om 18.00 uur is verholpen.',
    ],
    closings: [
      'Ik mail u morgen voor 12.00 uur met een update.',
      'Ik bel u vrijdag om te controleren of alles in orde is.',
      'Heeft u nog vragen, reageer dan gewoon op deze e-mail; ik pak het persoonlijk op.',
      'Woensdag controleer ik de bezorging en bel ik u voor 17.00 uur.',
    ],
    signoffs: ['Met vriendelijke groet,\n{{current_user.name}}', 'Hartelijke groet,\n{{current_user.first_name}} van de klantenservice', 'Nogmaals bedankt,\n{{current_user.name}}'],
    titles: ['Vertraagde levering', 'Terugbetaling onderweg', 'Beschadigd pakket', 'Vraag over factuur', 'Abonnement wijzigen', 'Bezoek monteur', 'Account geblokkeerd', 'Verkeerd artikel'],
    tags: ['levering', 'terugbetaling', 'factuur', 'facturatie', 'retour', 'account', 'garantie', 'escalatie', 'vip'],
  },
};

/** The `invalid` example sentences of the phrase, limit and shouting rules, per language. */
export function violationSentences(rulesDir = join(ROOT, 'rules')) {
  const out = { en: [], nl: [] };
  for (const f of readdirSync(rulesDir).filter((f) => /\.ya?ml$/.test(f)).sort()) {
    const rule = parse(readFileSync(join(rulesDir, f), 'utf8'));
    if (!['phrase', 'limit', 'shouting'].includes(rule.kind)) continue;
    for (const lang of ['en', 'nl']) {
      for (const ex of rule.examples?.[lang]?.invalid ?? []) out[lang].push(ex.text.trim());
    }
  }
  return out;
}

// ---------------------------------------------------------------- one reply

function makeReply(i, violations) {
  const rnd = prng(hash(i));
  const pick = (arr) => arr[Math.floor(rnd() * arr.length)];
  const lang = rnd() < 0.5 ? 'en' : 'nl';
  const P = POOLS[lang];
  const parts = [];

  if (rnd() < 0.7) {
    const fm = [`title: ${pick(P.titles)} #${i}`];
    if (rnd() < 0.8) fm.push(`tags: [${[...new Set([pick(P.tags), pick(P.tags)])].join(', ')}]`);
    if (rnd() < 0.5) fm.push(`lang: ${lang}`);
    parts.push(`---\n${fm.join('\n')}\n---`);
  }
  parts.push(pick(P.greetings));

  const bad = rnd() < 0.2;
  const paragraphs = [];
  paragraphs.push(`${pick(P.openers)} ${pick(P.body)}`);
  const nBody = 1 + Math.floor(rnd() * 3);
  for (let k = 0; k < nBody; k++) {
    const a = pick(P.body);
    let b = pick(P.body);
    if (b === a) b = P.body[(P.body.indexOf(a) + 1) % P.body.length];
    paragraphs.push(rnd() < 0.7 ? `${a} ${b}` : a);
  }
  if (rnd() < 0.5) paragraphs.push(pick(P.links));
  if (rnd() < 0.5) {
    const items = new Set();
    const n = 2 + Math.floor(rnd() * 3);
    while (items.size < n) items.add(pick(P.listItems));
    const ordered = rnd() < 0.3;
    paragraphs.push(`${pick(P.listIntros)}\n\n${[...items].map((it, k) => `${ordered ? `${k + 1}.` : '-'} ${it}`).join('\n')}`);
  }
  if (bad) {
    // One violation (sometimes two), in the middle of the reply.
    const n = rnd() < 0.2 ? 2 : 1;
    for (let k = 0; k < n; k++) {
      const at = 1 + Math.floor(rnd() * paragraphs.length);
      paragraphs.splice(at, 0, pick(violations[lang]));
    }
  }
  parts.push(...paragraphs, pick(P.closings), pick(P.signoffs));
  return { text: `${parts.join('\n\n')}\n`, lang, bad };
}

// ---------------------------------------------------------------- corpora

export function corpusDir(size) {
  return join(CORPUS_ROOT, `n${size}`);
}

/** Write the corpus of `size` replies unless an identical one is there already. */
export function ensureCorpus(size, { log = () => {} } = {}) {
  const dir = corpusDir(size);
  const stamp = join(dir, '.manifest.json');
  if (existsSync(stamp)) {
    const m = JSON.parse(readFileSync(stamp, 'utf8'));
    if (m.version === GENERATOR_VERSION && m.files === size) return { dir, ...m };
  }
  log(`generating ${size.toLocaleString('en')} replies into ${dir} ...`);
  rmSync(dir, { recursive: true, force: true });
  const violations = violationSentences();
  let bytes = 0;
  let bad = 0;
  const langs = { en: 0, nl: 0 };
  for (let i = 0; i < size; i++) {
    const sub = join(dir, `macros-${String(Math.floor(i / FILES_PER_DIR)).padStart(3, '0')}`);
    if (i % FILES_PER_DIR === 0) mkdirSync(sub, { recursive: true });
    const reply = makeReply(i, violations);
    const file = join(sub, `reply-${String(i).padStart(5, '0')}.md`);
    writeFileSync(file, reply.text);
    bytes += Buffer.byteLength(reply.text);
    if (reply.bad) bad++;
    langs[reply.lang]++;
  }
  const manifest = { version: GENERATOR_VERSION, files: size, bytes, withViolations: bad, langs };
  writeFileSync(stamp, JSON.stringify(manifest, null, 2));
  return { dir, ...manifest };
}

/** A single small reply for the cold-start runs: the first generated one with a planted violation. */
export function ensureSingleFile() {
  const dir = join(CORPUS_ROOT, 'single');
  const file = join(dir, 'reply.md');
  const violations = violationSentences();
  let i = 0;
  while (!makeReply(i, violations).bad) i++;
  const text = makeReply(i, violations).text;
  if (!existsSync(file) || readFileSync(file, 'utf8') !== text) {
    mkdirSync(dir, { recursive: true });
    writeFileSync(file, text);
  }
  return { dir, file, bytes: Buffer.byteLength(text) };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const sizes = process.argv.slice(2).map(Number).filter((n) => Number.isInteger(n) && n > 0);
  for (const size of sizes.length ? sizes : [1000, 10000, 40000]) {
    const c = ensureCorpus(size, { log: console.log });
    console.log(`${c.dir}: ${c.files} files, ${(c.bytes / 1e6).toFixed(2)} MB (avg ${Math.round(c.bytes / c.files)} B), ${c.withViolations} with violations, en ${c.langs.en} / nl ${c.langs.nl}`);
  }
}
