/**
 * The situation of a reply: a complaint, a question, or a notice.
 *
 * Whole-reply rules only make sense in some situations: an apology is owed to
 * a customer with a problem, not to one who asked for opening hours, and an
 * order confirmation thanks nobody for getting in touch. The situation comes,
 * in this order, from:
 *   1. a declaration: front matter `situation:`, or the config (`situation:`,
 *      also per `overrides` glob);
 *   2. the customer's message, when the draft quotes it (Markdown blockquotes,
 *      `>` lines, or the history after an attribution line in plain text):
 *      never linted, but read for context;
 *   3. the reply's own words: an apology or regret, a delay, a refund,
 *      something missing or broken (a complaint); an automated or
 *      transactional wording (a notice).
 * A text with no sign that it answers someone (no quoted message, no greeting
 * by name, no first person, nothing asked of the reader) is read as a notice:
 * precision first, so whole-reply rules stay quiet on it.
 *
 * Besides the situation, the verdict carries `upset`: the customer's own words
 * show anger or frustration (or the situation was declared a complaint).
 * Acknowledging feelings is owed where there are feelings to acknowledge.
 * And `refusal`: the reply turns something down ("not possible", "kan
 * helaas niet"), which leaves the customer at a dead end unless a next step
 * follows, whatever they asked.
 *
 * Pure: text in, verdict out. Cue lists cover both languages at once (a Dutch
 * customer may get an English macro and the other way round).
 */

export type Situation = 'complaint' | 'question' | 'notice';
export const SITUATIONS: readonly Situation[] = ['complaint', 'question', 'notice'];

export type SituationSource = 'front-matter' | 'option' | 'context' | 'reply' | 'default';

export interface SituationVerdict {
  situation: Situation;
  /** The customer is upset (their own words say so, or the situation was declared a complaint). */
  upset: boolean;
  /** The reply turns something down or says it cannot be done: a dead end unless it offers a way on. */
  refusal: boolean;
  /** What decided it. */
  source: SituationSource;
  /** The cues found, for `--debug` and JSON: `complaint: "refund"`, `notice: "your order"`, ... */
  cues: string[];
}

/** What a whole-reply rule can require of the situation (`applies:` in its file). */
export type Applies = Situation | 'upset' | 'refusal';
export const APPLIES: readonly Applies[] = [...SITUATIONS, 'upset', 'refusal'];

export function applies(verdict: SituationVerdict, when: readonly Applies[] | undefined): boolean {
  if (!when || when.length === 0) return true;
  return when.some((w) =>
    w === 'upset' ? verdict.upset && verdict.situation === 'complaint' : w === 'refusal' ? verdict.refusal && verdict.situation !== 'notice' : w === verdict.situation,
  );
}

interface Cue {
  name: string;
  re: RegExp;
}

const cue = (name: string, source: string, flags = 'iu'): Cue => ({ name, re: new RegExp(source, flags) });
/** A word start: letters never run on from before. */
const B = '(?<![\\p{L}\\p{N}])';

const stems = (list: string) => `${B}(?:${list})`;

/**
 * The customer has a problem: something failed, is late, missing, wrong,
 * charged, cancelled; or they say they are unhappy. Read in the customer's
 * quoted message.
 */
const PROBLEM: Cue[] = [
  cue('en: failure', stems("broke|broken|crash|fail|faulty|defect|damag|error|glitch|bug(?:gy|s)?\\b|outage|down\\b|offline|not work|doesn.?t work|does not work|didn.?t work|won.?t work|isn.?t work|stopped work|not load|won.?t load|not connect|can.?t connect|keeps? (?:crashing|freezing|dropping|failing|logging)|froze|freez")),
  cue('en: late or missing', stems("delay|late\\b|later than|still (?:no|not|haven|waiting|hasn|can|don|getting|receiving|being|charg)|never (?:arrived|came|got|received|showed|shows|delivered)|(?:hasn.?t|have ?n.?t|has not|have not|hadn.?t|didn.?t|did not|not yet) (?:arrived|come|been|received|got|heard|shipped|delivered|responded|replied|answered)|missing|lost|where is my|where.?s my|waiting|wait(?:ed)? (?:for|over|since)|no (?:response|reply|answer|one|signal|service|internet|power|refund|update)|cancel(?:l)?ed|stuck|stranded|overbooked|locked (?:out|me)|blocked|suspended|hack|hijack|denied|declined|rejected|accident|injur|unsafe|harass|not (?:playable|available|loading|showing|responding)|(?:gonna|going to|ever) fix|rip ?off|over and over|#\\w*(?:sucks|fail)|slow\\b|refus|ignor|silent|no help|not (?:any|much) help|never (?:asked|got|received|heard|told)|didn.?t (?:receive|get|subscribe|order|ask|authori[sz]e|work|arrive|show|load)|don.?t (?:work|download|load|open|show|receive|get|charge)|dont (?:work|download|load|open|show|receive|get)|couldn.?t|keeps? (?:telling|saying|asking|showing|crashing|freezing|failing)|when (?:are|will|is) (?:you|u|it)(?: \\w+)? (?:gonna |going to )?fix|fix (?:this|it|your)|need (?:help|assistance) (?:with|recovering|asap)|help me\\b|immediately|urgent|doubled|gave (?:my|away)|steal|stole|sucks")),
  cue('en: money', stems("refund|charged|overcharg|double.?charg|charge me|billed|bill(?:ing)? (?:error|issue|problem)|money back|compensat|fee\\b|fees\\b|scam|fraud")),
  cue('en: wrong', stems("wrong|incorrect|mistake|not what i|instead of|not the (?:one|item)|rude|unhelpful|useless|terrible|awful|horrible|worst|poor(?:ly)?\\b|bad\\b|ridiculous|unacceptable|disgust|pathetic|joke\\b|shame|shocking|appalling|disappoint|frustrat|annoy|angry|upset|furious|fed up|sick of|tired of|complain|problem|issues? with|trouble|can.?t (?:get|log|sign|access|find|use|believe|even)|cannot|unable|not able|impossible|why (?:is|are|does|do|did|can|can.?t|won.?t|isn.?t|is it|would)|what.?s (?:going on|up with|happening)|help!|please help|hate\\b|wtf|seriously|again\\?|not happy|unhappy|never again|thanks for nothing")),
  cue('nl: probleem', stems('kapot|stuk\\b|defect|beschadig|storing|werkt niet|werkt nog steeds niet|doet het niet|foutmelding|fout\\b|fouten|vertraag|vertraging|te laat|nog steeds|nog altijd|nooit (?:ontvangen|aangekomen|geleverd|bezorgd)|niet (?:ontvangen|aangekomen|geleverd|bezorgd|gekregen)|ontbreek|ontbrak|kwijt|zoek\\b|wacht(?:en)? al|geannuleerd|terugbetal|geld terug|dubbel afgeschreven|afgeschreven|te veel betaald|verkeerd|klacht|probleem|problemen|slecht|slechtste|belachelijk|schandalig|onacceptabel|teleurgesteld|teleurstell|boos|gefrustreerd|frustrer|geïrriteerd|balen|klote|waardeloos|niemand|geen (?:reactie|antwoord|bericht)|waarom (?:is|zijn|werkt|krijg|kan|kunnen|duurt|heb)|help!|hoezo|niet (?:meer )?(?:verzonden|gekomen|geleverd|aangekomen|gekregen|bezorgd|verstuurd|teruggestort|terugbetaald|inloggen|openen|bereikbaar|betalen|bestellen)|kan (?:niet|nergens)|kun(?:nen)? (?:niet|nergens)|lukt (?:het )?niet|mislukt|ligt (?:al )?(?:\\w+ )?(?:dagen |weken )?stil|al (?:dagen|weken|maanden|een week|een maand)|ik wacht|geblokkeerd')),
];

/** The customer is upset, not merely reporting: anger, sarcasm, shouting, repeated failure. */
/** Praise, thanks, fun: a customer who is happy with you, whatever else they say. */
const POSITIVE: Cue = cue('positive', stems("great|love|loving|wonderful|awesome|amazing|fantastic|excellent|brilliant|perfect|best (?:airline|service|company|customer|team|experience)|thank you|thanks|thx|happy|excited|enjoy|fun\\b|yay|cheers|kudos|shout ?out|well done|impressed|delicious|lovely|beautiful|resolved|fixed now|works now|bedankt|dank je|dank u|top\\b|geweldig|fantastisch|super\\b|blij|tevreden|heerlijk|prima|fijn\\b|[\\u{1F60D}\\u{1F603}\\u{1F604}\\u{1F601}\\u{1F60A}\\u{1F389}\\u{2764}\\u{1F44D}\\u{1F64C}\\u{1F44F}\\u{1F973}\\u{1F618}\\u{1F917}]"));

const UPSET: Cue[] = [
  cue('en: feelings', stems("terrible|awful|horrible|worst|ridiculous|unacceptable|disgust|pathetic|joke\\b|shame(?:ful)?\\b|shocking|appalling|disappoint|frustrat|annoy|angry|upset|furious|livid|fed up|sick of|tired of|hate\\b|wtf|seriously|not happy|unhappy|never again|thanks for nothing|thanks a lot|great job|well done|useless|rubbish|garbage|trash|rude|incompetent|lousy|sucks|fuck|shit|damn|hell\\b|smh|ugh|come on|how (?:hard|difficult) (?:is it|can it be)|absolute(?:ly)? (?:ridiculous|joke|disgrace)|for (?:the )?(?:\\d+|second|third|fourth|fifth|\\w+) time|again!|again\\?|still (?:no|not|waiting|haven)|yet again|every (?:single )?time|#\\w*fail|#(?:not|un)happy|#disappointed|#frustrated|#annoyed|#worst|#neveragain|#customerservice|#badservice|#ripoff|totally|completely|constant(?:ly)?|ever\\b|never|in (?:weeks|days|months|ages)|for (?:weeks|days|hours|months|ages)|(?:\\d+|several|many|two|three|four|five|six) (?:hours|days|weeks|months|wks|hrs)|what.?s the point|fraud|no one|nobody|no right|irritat|very ?upset|crap|kill|blazes|major|silent|how (?:dare|come)|!!!|refund required|need help!|\\*?sigh\\*?|over and over|rip ?off|f\\*+|#\\w*(?:sucks|fail)")),
  cue('nl: gevoel', stems('belachelijk|schandalig|onacceptabel|teleurgesteld|teleurstell|boos|woest|gefrustreerd|frustrer|geïrriteerd|irritant|balen|klote|waardeloos|slechtste|bagger|triest|schande|nooit meer|weer eens|alweer|voor de (?:\\d+e|tweede|derde|vierde) keer|nog steeds|nog altijd|echt niet normaal|niet normaal|wat een|lachwekkend|bedankt voor niks|top service\\b|nooit|niemand|geen recht|oplichting|fraude|wat heeft het voor zin|totaal|compleet|helemaal niks|al (?:weken|dagen|maanden|uren)|(?:weken|dagen|maanden|uren) lang|spuugzat|het zat|ben het beu')),
  cue('shouting', '(?:!!|\\?\\?|\\?!|!\\?)', 'u'),
  cue('angry emoji', '[\\u{1F620}\\u{1F621}\\u{1F92C}\\u{1F624}\\u{1F612}\\u{1F44E}\\u{1F62D}\\u{1F62B}\\u{1F629}\\u{1F644}\\u{1F611}\\u{1F610}\\u{1F615}\\u{1F61E}\\u{1F61F}\\u{1F620}\\u{1F62A}\\u{1F622}\\u{1F625}\\u{1F92F}\\u{1F479}\\u{1F480}\\u{1F4A9}]', 'u'),
];

/** Two or more words of three or more capitals in a row, in the customer's words: shouting. */
const CAPS_RUN = /(?<![\p{L}\p{N}@#])\p{Lu}{3,}(?:[\s,]+\p{Lu}{2,}){1,}(?![\p{L}\p{N}])/u;

/** The reply's own words that only a problem explains: regret, a delay, a refund, something missing or broken. */
const REPLY_COMPLAINT: Cue[] = [
  cue('en: regret', stems("sorry|apolog|we regret|i regret|regrettabl|inconvenienc|frustrat|disappoint|upset|unacceptable|that.?s not (?:good|right|ok|okay|what we)|that (?:isn.?t|is not|doesn.?t sound|does not sound) (?:good|right|ok|okay)|shouldn.?t (?:have )?happen|should not (?:have )?happen|not the experience|oh no\\b|yikes|we hate to|hate to hear")),
  cue('en: problem', stems("delay|late\\b|missing|annoy|locked out|lost\\b|broken|damag|faulty|defect|refund|compensat|your complaint|went wrong|mix-?up|double.?charg|overcharg|cancel(?:l)?ed (?:your|the) (?:flight|order|booking|appointment|train|service)")),
  cue('nl: spijt', stems('sorry|excuses|excuus|verontschuldig|spijt|betreur|vervelend|balen|jammer dat|teleurgesteld|teleurstell|frustrer|gefrustreerd|ongemak|dat hoort (?:niet|zo niet)|niet de bedoeling')),
  cue('nl: probleem', stems('vertraging|vertraagd|te laat|ontbreek|ontbrak|kwijtgeraakt|kapot|beschadig|defect|storing|terugbetal|uw klacht|je klacht|jouw klacht|fout gegaan|misgegaan|mis gegaan|dubbel afgeschreven')),
];

/** The reply turns something down: "not possible", "not supported", "only available in", "kan helaas niet". */
const REFUSAL: Cue[] = [
  cue('en: refusal', stems("not (?:possible|supported|available|offered|eligible|covered|something we (?:can|are able))|isn.?t (?:possible|supported|available|offered|eligible|covered)|only (?:be )?available|unable to|can.?t be (?:done|changed|refunded|cancel+ed)|cannot be (?:done|changed|refunded|cancel+ed)|we (?:can.?t|cannot|won.?t be able to|are not able to|aren.?t able to) (?:offer|change|refund|provide|pay|cancel|hide|remove|add|do|help|make|give|support)|(?:we|i) don.?t (?:offer|support|provide)|we do not (?:offer|support|provide)|no (?:way|option) to")),
  cue('nl: weigering', stems('niet mogelijk|niet beschikbaar|niet ondersteund|alleen beschikbaar|(?:kan|kunnen) (?:we |wij |ik )?(?:helaas |dat |dit |u |je )*niet (?:\\w+ )?(?:aanbieden|wijzigen|terugbetalen|annuleren|leveren|doen|helpen|vergoeden|aanpassen)|geen mogelijkheid')),
];

/** Wordings of automated and transactional messages: confirmations, status changes, accounts, tickets. */
const NOTICE: Cue[] = [
  cue('en: automated', stems("automat(?:ed|ic|ically)|auto-?reply|do not reply|don.?t reply|please do not respond|no-?reply|this (?:e-?mail|message|notification) (?:is|was|has been) (?:sent|generated)|you (?:are )?receiv(?:e|ing) this|unsubscribe|notification|this is a (?:confirmation|reminder|notice)")),
  cue('en: status', stems("(?:has|have) (?:now )?been (?:received|created|registered|submitted|confirmed|shipped|dispatched|sent|delivered|updated|changed|modified|cancel(?:l)?ed|processed|approved|rejected|declined|activated|deactivated|closed|resolved|assigned|reopened|opened|merged|deleted|removed|refunded|credited|accepted|completed|placed|locked|suspended|disabled|reset|split|forwarded)|(?:is|was) (?:now )?(?:on its way|being processed|ready for|available for)|order (?:#|no\\.?|number|reference|confirmation|status|total|summary|details)|your (?:order|account|password|subscription|registration|membership|ticket|request|booking|reservation|invoice|payment|voucher|download|username|login|profile|report|submission|application|case) (?:#|number|no\\.?|id|reference|has|is|was|will|details|status)|ticket (?:#|number|id)|(?:click|follow|use|visit) (?:on )?(?:the|this) (?:link|button)|(?:activate|verify|confirm) (?:your|this|the)|reset (?:your|the) password|temporary password|log ?in (?:details|credentials)|welcome (?:to|aboard)\\b|thanks? (?:you )?for (?:joining|registering|signing up|subscribing|your (?:order|purchase|registration|subscription|submission|payment))|you (?:have|'ve) (?:successfully )?(?:submitted|registered|subscribed|signed up|requested|ordered|placed)|we (?:will|'ll) (?:review|process|handle) your (?:request|report|submission|order|application)")),
  cue('nl: automatisch', stems('automatisch|niet (?:beantwoorden|op reageren|op antwoorden)|no-?reply|dit (?:is een )?(?:automatisch|bevestiging|herinnering)|u ontvangt (?:deze|dit)|je ontvangt (?:deze|dit)|uitschrijven|afmelden voor')),
  cue('nl: status', stems('(?:is|zijn|werd|werden) (?:zojuist |nu |succesvol |met succes )?(?:ontvangen|aangemaakt|geregistreerd|ingediend|bevestigd|verzonden|verstuurd|bezorgd|geleverd|bijgewerkt|gewijzigd|geannuleerd|verwerkt|goedgekeurd|afgewezen|geactiveerd|gedeactiveerd|gesloten|afgehandeld|toegewezen|heropend|verwijderd|terugbetaald|gecrediteerd|geaccepteerd|voltooid|geplaatst|geblokkeerd|opgeschort|gereset|gesplitst|doorgestuurd|ingepland|aangepast)|(?:uw|je|jouw) (?:bestelling|account|wachtwoord|abonnement|registratie|lidmaatschap|ticket|aanvraag|verzoek|melding|boeking|reservering|factuur|betaling|waardebon|download|gebruikersnaam|profiel|inschrijving|zaak|retour|order|kortingscode|bericht) (?:#|nummer|nr|met|is|werd|wordt|zal|gegevens|status)|bestelnummer|ordernummer|referentie(?:nummer)?|factuurnummer|meldingsnummer|zaaknummer|klik (?:op )?(?:de|deze) (?:link|knop)|(?:activeer|bevestig|verifieer) (?:uw|je|jouw|het|de)|tijdelijk wachtwoord|inloggegevens|waardebon|kortingscode|track (?:&|en) trace|welkom (?:bij|op|als)|(?:bedankt|dank u|dank je) (?:wel )?voor (?:uw|je|jouw) (?:bestelling|aankoop|registratie|inschrijving|aanmelding|betaling)|(?:u|je) (?:heeft|hebt) (?:zich |je |zojuist |succesvol |met succes )?(?:ingediend|geregistreerd|aangemeld|ingeschreven|besteld|aangevraagd|opgegeven)|(?:wij|we) (?:beoordelen|behandelen|handelen|verwerken|bekijken) (?:uw|je|jouw) (?:melding|aanvraag|verzoek|bestelling|inschrijving)|(?:uw|je|jouw) (?:melding|aanvraag|verzoek) (?:over|van|met)')),
];

/** A reply to one person's own contact: a greeting by name, a first-person answer. Weighs against a notice. */
const PERSONAL: Cue[] = [
  // Case-insensitive greeting, then a name with a capital (so the expression itself is case-sensitive).
  cue('greeting by name', `^\\s*(?:${'hi|hey|hello|dear|beste|hoi|hallo|goedemorgen|goedemiddag|goedenavond|morning|afternoon|evening'.replace(/\b(\w)/g, (c) => `[${c}${c.toUpperCase()}]`)})[,!]?\\s+(?:(?:mevrouw|meneer|heer|de heer|mr|mrs|ms|miss|dr|Mevrouw|Meneer|Mr|Mrs|Ms|Miss|Dr)\\.?\\s+)?(?!Customer|Klant|Sir|Madam|Heer|Mevrouw\\s*\\{|Member|User|Gebruiker|Lid\\b|\\{|%|\\[|<)\\p{Lu}`, 'u'),
  cue('en: first person', stems("i.?ll\\b|i will\\b|i.?ve\\b|i.?d\\b|i have (?:checked|looked|asked|passed|forwarded|escalated|sent|refunded|added|applied|booked|spoken|reached|noticed|tried|had)|i can\\b|i.?m (?:sorry|afraid|happy|glad|not sure|going)|let me\\b|i (?:see|understand|hear|think|believe|checked|looked|noticed)\\b")),
  cue('en: asks the customer', stems("can you\\b[^.!?\\n]{0,80}\\?|could you\\b|would you mind|please (?:dm|send us|reply with|share|provide|confirm|try)|dm us|send us a (?:dm|direct|private)|shoot us a dm|reach out (?:to us )?(?:via|in|through) dm")),
  cue('nl: eerste persoon', stems('ik heb\\b|ik zie\\b|ik kan\\b|ik zal\\b|ik ga\\b|ik begrijp|ik snap|ik hoor|ik kijk|ik bel|ik stuur|ik zoek|ik denk|laat (?:me|mij) (?:even )?weten')),
  cue('nl: vraagt de klant', stems('(?:kunt u|kun je|wil je|wilt u|zou je|zou u)\\b[^.!?\\n]{0,80}\\?|stuur (?:ons|me|mij) (?:even |een |je |uw )|stuur ons een dm|stuur (?:ons|me) een (?:dm|pb|privébericht)')),
];

/** GitHub-style triage and maintainers' replies: a reply to a contact, never a notice. */
const TRIAGE: Cue = cue('triage', stems('(?:this|the|your|an|new|open|existing) (?:issue|pull request|pr)\\b|repository|repro(?:duction|duce)?\\b|maintainers?|contribut|stack ?overflow|github'));

function found(cues: Cue[], text: string, prefix: string): string[] {
  const out: string[] = [];
  for (const c of cues) {
    const m = c.re.exec(text);
    if (m) out.push(`${prefix}${c.name}: "${m[0].trim()}"`);
  }
  return out;
}

export interface SituationInput {
  /** The reply's prose (what is linted). */
  reply: string;
  /** The customer's quoted words, if the draft quotes them. */
  context: string;
  /** The reply holds template placeholders (`{{name}}`, `%{ticket.id}`): a template, often a notice. */
  template?: boolean;
  /** Declared: front matter wins over the option (config, --situation). */
  frontMatter?: Situation;
  option?: Situation;
}

/** Upper bound on the text read for cues: a few kilobytes decide the situation of any reply. */
const MAX_READ = 20_000;

export function detectSituation(input: SituationInput): SituationVerdict {
  const verdict = classify(input);
  const refusal = found(REFUSAL, input.reply.slice(0, MAX_READ), 'reply ');
  return { ...verdict, refusal: refusal.length > 0, cues: [...verdict.cues, ...refusal] };
}

function classify(input: SituationInput): Omit<SituationVerdict, 'refusal'> {
  const declared = input.frontMatter ?? input.option;
  if (declared) {
    return { situation: declared, upset: declared === 'complaint', source: input.frontMatter ? 'front-matter' : 'option', cues: [] };
  }
  const context = input.context.slice(0, MAX_READ).trim();
  const reply = input.reply.slice(0, MAX_READ);
  if (context) {
    const problem = found(PROBLEM, context, 'customer ');
    const feelings = found(UPSET.slice(0, 2), context, 'customer ');
    const shouting = found(UPSET.slice(2), context, 'customer ');
    const caps = CAPS_RUN.exec(context);
    if (caps) shouting.push(`customer shouting: "${caps[0]}"`);
    const positive = POSITIVE.re.exec(context);
    // The reply itself may show what the quote does not (a regret, a delay).
    const replyCues = found(REPLY_COMPLAINT, reply, 'reply ');
    const against = problem.length + feelings.length;
    if (positive && against <= 1 && !replyCues.length) {
      return { situation: 'question', upset: false, source: 'context', cues: [`customer positive: "${positive[0]}"`, ...problem, ...feelings] };
    }
    if (against || replyCues.length) {
      const upset = feelings.length > 0 || (shouting.length > 0 && problem.length > 0);
      return { situation: 'complaint', upset, source: 'context', cues: [...problem, ...feelings, ...(upset ? shouting : []), ...replyCues] };
    }
    return { situation: 'question', upset: false, source: 'context', cues: ['customer wrote, with no sign of a problem'] };
  }
  const notice = found(NOTICE, reply, 'reply ');
  if (input.template) notice.push('reply template placeholders');
  const personal = found(PERSONAL, reply, 'reply ');
  const triage = TRIAGE.re.exec(reply);
  // An issue tracker's reply answers someone; an automated wording (a ticket's auto-reply) still makes it a notice.
  const worded = notice.length - (input.template ? 1 : 0);
  if (triage && worded === 0) return { situation: 'question', upset: false, source: 'reply', cues: [`reply triage: "${triage[0]}"`] };
  if (notice.length > personal.length) return { situation: 'notice', upset: false, source: 'reply', cues: notice };
  const complaint = found(REPLY_COMPLAINT, reply, 'reply ');
  if (complaint.length) return { situation: 'complaint', upset: false, source: 'reply', cues: complaint };
  if (personal.length) return { situation: 'question', upset: false, source: 'reply', cues: personal };
  // No quoted message, no greeting by name, no first person, nothing asked of anyone: a message to no one in particular.
  return { situation: 'notice', upset: false, source: 'default', cues: [] };
}

/** `>` lines, and in plain text everything after an attribution line: the customer's words. */
export function quotedContext(text: string, attribution: RegExp, plainText: boolean): string {
  const out: string[] = [];
  let history = false;
  let inFence = false;
  let n = 0;
  for (const line of text.split(/\r\n|\r|\n/)) {
    if (++n > 5000) break;
    if (!plainText && /^\s{0,3}(?:```|~~~)/.test(line)) inFence = !inFence;
    if (inFence) continue;
    if (plainText && !history && attribution.test(line)) {
      history = true;
      continue;
    }
    const q = /^\s{0,3}>+\s?(.*)$/.exec(line);
    if (q) out.push(q[1]);
    else if (history) out.push(line);
  }
  return out.join('\n');
}
