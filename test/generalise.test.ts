/**
 * Held-out phrasings: sentences written for this test, not in any rule's
 * examples. Each rule must catch the ways writers say the thing that it was
 * not shown, and stay quiet on polite replies that merely mention a website,
 * a contract, a courier or a department.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileRulebook, lint } from '../src/core/engine.js';
import { DEFAULTS } from '../src/defaults.js';
import { parseRuleFile } from '../src/rulebook/load.js';
import type { Lang } from '../src/core/types.js';

type Cases = Record<Lang, { fires: string[]; quiet: string[] }>;

const HELD_OUT: Record<string, Cases> = {
  'no-contract-pointing': {
    en: {
      fires: ['Per the terms you accepted at checkout, returns close after 14 days.', 'This is all covered in the small print of your agreement.', 'You signed up to these conditions when you joined.'],
      quiet: ['I have attached a copy of your contract, as you asked.', 'Your contract runs until 1 June; I can end it earlier at no cost.'],
    },
    nl: {
      fires: ['Zoals in de algemene voorwaarden vermeld staat, is retourneren na 14 dagen niet mogelijk.', 'Je bent bij het afsluiten akkoord gegaan met onze voorwaarden.', 'Dat staat toch gewoon in je contract.'],
      quiet: ['In de bijlage vindt u een kopie van uw contract.', 'Uw contract loopt tot 1 juni; ik kan het kosteloos eerder beëindigen.'],
    },
  },
  'no-management-deflection': {
    en: {
      fires: ['Unfortunately that is a decision made by management.', "I'm afraid that's above my pay grade.", "That's not my call to make."],
      quiet: ['I have asked my manager to approve the refund today.', 'Our management team has decided to refund everyone affected.'],
    },
    nl: {
      fires: ['Daar heb ik helaas niets over te zeggen.', 'Die beslissing ligt bij het management.', 'Dat is besloten door de directie, daar kan ik niets aan veranderen.'],
      quiet: ['Ik heb mijn leidinggevende gevraagd de terugbetaling vandaag goed te keuren.'],
    },
  },
  'no-website-deflection': {
    en: {
      fires: ['Please visit our help centre for the answer.', 'All of that information can be found on our website.', 'Have a look at the FAQ, it explains everything.'],
      quiet: ['You can also follow the parcel on our website, but I have checked it for you: it arrives Friday.', 'Our website had an outage this morning, and I am sorry you could not log in.'],
    },
    nl: {
      fires: ['Kijkt u even op onze website, daar staat het antwoord.', 'Alle informatie staat op de site.', 'Zie de veelgestelde vragen op onze site.'],
      quiet: ['Onze website was vanochtend even onbereikbaar, excuses daarvoor.', 'Ik heb de openingstijden voor u opgezocht: vandaag tot 18.00 uur.'],
    },
  },
  'no-supplier-blame': {
    en: {
      fires: ['Our supplier let us down this week.', 'DHL messed up the delivery.', 'The manufacturer is to blame for the fault.'],
      quiet: ['UPS will deliver your parcel tomorrow before noon.', 'I have asked DHL to collect the parcel from you on Monday.'],
    },
    nl: {
      fires: ['Dat ligt aan de vervoerder.', 'De koerier heeft het pakket verloren.', 'Het is de schuld van DPD.'],
      quiet: ['PostNL bezorgt uw pakket morgen tussen 9 en 12 uur.', 'Ik heb de leverancier gevraagd vandaag een nieuw exemplaar te sturen.'],
    },
  },
  'no-department-blame': {
    en: {
      fires: ['The billing department got your invoice wrong.', 'Our warehouse messed up your order.', 'That was a mistake by the finance team.'],
      quiet: ['I have asked our warehouse to send a replacement today.', 'Our billing team will refund the amount by Friday.'],
    },
    nl: {
      fires: ['Het magazijn heeft een fout gemaakt.', 'Dat ligt aan de financiële afdeling.', 'De verzendafdeling heeft uw bestelling verkeerd ingepakt.'],
      quiet: ['Ik heb het magazijn gevraagd vandaag een nieuwe te versturen.'],
    },
  },
  'no-as-i-said': {
    en: {
      fires: ['As I mentioned in my previous email, the refund takes five days.', 'Like I said, we need a photo.', 'As previously explained, the warranty has ended.'],
      quiet: ['As promised, here is the tracking code.', 'I said I would call you today, and I will at 15:00.'],
    },
    nl: {
      fires: ['Zoals eerder vermeld duurt de terugbetaling vijf dagen.', 'Zoals ik u al eerder schreef, hebben we een foto nodig.', 'Ik zei al dat de garantie verlopen is.'],
      quiet: ['Zoals beloofd stuur ik u hierbij de track-and-trace-code.'],
    },
  },
  'no-customer-blame': {
    en: {
      fires: ["It's your own fault that the parcel went to the old address.", 'You failed to enter the discount code.', "You didn't read the instructions."],
      quiet: ["It's not your fault at all; the code should have worked.", 'You should receive the refund within three working days.'],
    },
    nl: {
      fires: ['Dat is uw eigen schuld.', 'U heeft de handleiding niet goed gelezen.', 'Je had beter moeten opletten bij het bestellen.'],
      quiet: ['Het is zeker niet uw schuld; de code had moeten werken.'],
    },
  },
  'no-contradicting': {
    en: {
      fires: ["That's simply not true.", 'You are mistaken about the price.', 'Our records show that you did receive the parcel.'],
      quiet: ['You are right, the price on the invoice is wrong.', 'I have checked our records, and I can see the parcel was delayed.'],
    },
    nl: {
      fires: ['Dat is niet waar.', 'U vergist zich, de prijs was anders.', 'Wat u zegt klopt niet.'],
      quiet: ['U heeft gelijk, de prijs op de factuur is fout.'],
    },
  },
  'no-condescension': {
    en: {
      fires: ['Obviously, you need to restart the router first.', 'Please calm down so we can talk.', 'As everyone knows, returns need a receipt.'],
      quiet: ['Of course we will refund the shipping costs.', 'I can see this is obviously our mistake, and I am sorry.'],
    },
    nl: {
      fires: ['Rustig aan, we komen er wel uit.', 'Zoals iedereen weet heeft u een bon nodig.', 'Uiteraard moet u eerst de router herstarten.'],
      quiet: ['Natuurlijk betalen wij de verzendkosten terug.'],
    },
  },
  'no-policy-wall': {
    en: {
      fires: ["I'm sorry, but that's company policy.", "There's nothing more we can do for you.", "We are unable to help you with this."],
      quiet: ['Our policy is to refund you in full, and I have done so today.'],
    },
    nl: {
      fires: ['Dat is nu eenmaal ons beleid.', 'Wij kunnen hier helaas niets aan doen.', 'Ik kan je daar niet mee helpen.'],
      quiet: ['Ons beleid is om u volledig terug te betalen, en dat heb ik vandaag gedaan.'],
    },
  },
  'no-vague-promise': {
    en: {
      fires: ["We'll get back to you as soon as we can.", 'Someone will contact you shortly.', 'We are looking into it.'],
      quiet: ['I will call you tomorrow before 12:00.', 'I hope you feel better soon.'],
    },
    nl: {
      fires: ['We nemen zo spoedig mogelijk contact met u op.', 'We komen er binnenkort bij u op terug.', 'Wij gaan ernaar kijken.'],
      quiet: ['Ik bel u morgen vóór 12.00 uur.', 'Tot binnenkort!'],
    },
  },
  'no-passing-the-buck': {
    en: {
      fires: ['You will need to contact the courier about this.', 'Please get in touch with our billing department instead.', "That's not something we deal with."],
      quiet: ['I will contact the courier myself and call you back today.'],
    },
    nl: {
      fires: ['Daarvoor moet u contact opnemen met de vervoerder.', 'Neem hiervoor contact op met de financiële afdeling.', 'Hiervoor bent u bij ons aan het verkeerde adres.'],
      quiet: ['Ik neem zelf contact op met de vervoerder en bel u vandaag terug.'],
    },
  },
  'no-shouting': {
    en: { fires: ['We have ALREADY sent it.', 'Please read this carefully!!'], quiet: ['Your IBAN and the UPS tracking code are in the PDF.', 'Order ORD-48213 ships today.'] },
    nl: { fires: ['Wij hebben het al LANG geleden verstuurd.', 'Echt waar?!'], quiet: ['Uw IBAN en de DHL-code staan in de PDF.'] },
  },
  'no-grovelling': {
    en: { fires: ['Sorry! So sorry. We apologise again. Our apologies.', 'We are terrible at this, forgive us.'], quiet: ['Sorry for the wait. The parcel arrives tomorrow.'] },
    nl: { fires: ['Sorry. Excuses. Het spijt ons enorm. Nogmaals sorry.'], quiet: ['Excuses voor het wachten. Het pakket komt morgen.'] },
  },
  'require-apology': {
    en: { fires: ['The parcel arrives tomorrow.'], quiet: ['We apologize for the trouble.', 'I regret that this happened.'] },
    nl: { fires: ['Het pakket komt morgen.'], quiet: ['Wij verontschuldigen ons voor het ongemak.', 'Het spijt ons dat dit gebeurd is.'] },
  },
  'require-acknowledgement': {
    en: { fires: ['The parcel arrives tomorrow.'], quiet: ['I can imagine this is really annoying.', 'I completely understand why you are upset.'] },
    nl: { fires: ['Het pakket komt morgen.'], quiet: ['Ik kan me voorstellen dat dit heel vervelend is.', 'Dat begrijp ik helemaal.'] },
  },
  'require-next-step': {
    en: { fires: ['We will look into it.'], quiet: ['I will call you on Thursday morning.', 'You will have the refund within 3 working days.'] },
    nl: { fires: ['We gaan ernaar kijken.'], quiet: ['Ik bel u donderdagochtend.', 'U heeft het bedrag binnen 3 werkdagen terug.'] },
  },
  'require-thanks': {
    en: { fires: ['The parcel arrives tomorrow.'], quiet: ['Thanks for getting in touch.', 'Thank you for your patience.'] },
    nl: { fires: ['Het pakket komt morgen.'], quiet: ['Dank je wel voor je bericht.', 'Hartelijk dank voor uw geduld.'] },
  },
};

const RULES = join(import.meta.dirname, '..', 'rules');

describe.each(Object.entries(HELD_OUT))('%s, on phrasings it was not shown', (id, cases) => {
  const rule = parseRuleFile(readFileSync(join(RULES, `${id}.yaml`), 'utf8'), `rules/${id}.yaml`);
  const book = compileRulebook([rule], DEFAULTS);
  // Whole-reply rules apply to complaints: the held-out replies answer one (see core/situation.ts).
  const situation = rule.kind === 'require' ? { situation: 'complaint' as const } : {};
  const shown = new Set(['en', 'nl'].flatMap((l) => [...(rule.examples?.[l as Lang].invalid.map((e) => e.text) ?? []), ...(rule.examples?.[l as Lang].valid ?? [])]));
  for (const lang of ['en', 'nl'] as const) {
    for (const text of cases[lang].fires) {
      it(`[${lang}] catches: ${text}`, () => {
        expect(shown.has(text), 'held-out text must not be one of the rule examples').toBe(false);
        expect(lint(text, book, { lang, ...situation }).diagnostics.length).toBeGreaterThan(0);
      });
    }
    for (const text of cases[lang].quiet) {
      it(`[${lang}] stays quiet on: ${text}`, () => {
        expect(shown.has(text)).toBe(false);
        expect(lint(text, book, { lang, ...situation }).diagnostics).toEqual([]);
      });
    }
  }
});
