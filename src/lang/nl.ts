/** Dutch. */
import type { Language } from '../core/lang.js';
import { count } from '../core/register.js';

const FORMAL = /(?<![\p{L}\p{N}])(?:u|uw|uzelf|heeft u|kunt u|wilt u)(?![\p{L}\p{N}])/giu;
const INFORMAL = /(?<![\p{L}\p{N}])(?:je|jij|jou|jouw|jezelf|joun)(?![\p{L}\p{N}])/giu;

export const nl: Language = {
  code: 'nl',
  name: 'Nederlands',
  englishName: 'Dutch',
  instead: 'In plaats daarvan',
  detector: {
    words: ('de het een en van ik je jij u uw jouw wij ons onze zij ze dat die dit deze niet geen wel ook maar als om te er nog naar bij met voor '
      + 'zijn heeft hebben heb hebt ben bent wordt worden werd kan kunt kunnen wil wilt zal zult zou moet moeten mag '
      + 'graag bedankt dank groet groeten hartelijk beste hallo hoi goedemorgen goedemiddag alstublieft alsjeblieft excuses '
      + 'spijt vriendelijke hoe wat wanneer waarom waar wie omdat zodat dus toch even al nu morgen vandaag '
      + 'uit tot over door na zo meer veel klopt helaas bestelling pakket ontvangen mijn jullie hun haar hem hij zich '
      + 'mee aan op onder tussen binnen uiterlijk werkdagen').split(' '),
    letters: /ij|oe[^s]|aa|uu|sch|ee[^dnt]/,
  },
  greetings: 'beste|geachte|hallo|hoi|dag|goedemorgen|goedemiddag|goedenavond|goedendag|goede ?dag',
  attribution: ['Op\\b.{0,200}\\bschreef\\b.{0,100}:', '-{2,}\\s*(?:Oorspronkelijk bericht|Doorgestuurd bericht)\\s*-{2,}'],
  verbSecond: true,
  dropsLoneWords: false,
  /** u against je/jij/jouw, and the greeting ("Hoi" informal, "Geachte" formal); u when neither. */
  register(text) {
    const greeting = /^\s*(?:(hoi|hey|hee|hai|hallo|hi)|(geachte|beste))(?![\p{L}\p{N}])/iu.exec(text);
    const informal = count(INFORMAL, text) + (greeting?.[1] && greeting[1].toLowerCase() !== 'hallo' ? 1 : 0);
    const formal = count(FORMAL, text) + (greeting?.[2]?.toLowerCase() === 'geachte' ? 1 : 0);
    return informal > formal ? 'informal' : 'formal';
  },
  situation: {
    problem: [
      { name: 'probleem', words: 'kapot|stuk\\b|defect|beschadig|storing|werkt niet|werkt nog steeds niet|doet het niet|foutmelding|fout\\b|fouten|vertraag|vertraging|te laat|nog steeds|nog altijd|nooit (?:ontvangen|aangekomen|geleverd|bezorgd)|niet (?:ontvangen|aangekomen|geleverd|bezorgd|gekregen)|ontbreek|ontbrak|kwijt|zoek\\b|wacht(?:en)? al|geannuleerd|terugbetal|geld terug|dubbel afgeschreven|afgeschreven|te veel betaald|verkeerd|klacht|probleem|problemen|slecht|slechtste|belachelijk|schandalig|onacceptabel|teleurgesteld|teleurstell|boos|gefrustreerd|frustrer|geïrriteerd|balen|klote|waardeloos|niemand|geen (?:reactie|antwoord|bericht)|waarom (?:is|zijn|werkt|krijg|kan|kunnen|duurt|heb)|help!|hoezo|niet (?:meer )?(?:verzonden|gekomen|geleverd|aangekomen|gekregen|bezorgd|verstuurd|teruggestort|terugbetaald|inloggen|openen|bereikbaar|betalen|bestellen)|kan (?:niet|nergens)|kun(?:nen)? (?:niet|nergens)|lukt (?:het )?niet|mislukt|ligt (?:al )?(?:\\w+ )?(?:dagen |weken )?stil|al (?:dagen|weken|maanden|een week|een maand)|ik wacht|geblokkeerd' },
    ],
    feelings: [
      { name: 'gevoel', words: 'belachelijk|schandalig|onacceptabel|teleurgesteld|teleurstell|boos|woest|gefrustreerd|frustrer|geïrriteerd|irritant|balen|klote|waardeloos|slechtste|bagger|triest|schande|nooit meer|weer eens|alweer|voor de (?:\\d+e|tweede|derde|vierde) keer|nog steeds|nog altijd|echt niet normaal|niet normaal|wat een|lachwekkend|bedankt voor niks|top service\\b|nooit|niemand|geen recht|oplichting|fraude|wat heeft het voor zin|totaal|compleet|helemaal niks|al (?:weken|dagen|maanden|uren)|(?:weken|dagen|maanden|uren) lang|spuugzat|het zat|ben het beu' },
    ],
    regret: [
      { name: 'spijt', words: 'sorry|excuses|excuus|verontschuldig|spijt|betreur|vervelend|balen|jammer dat|teleurgesteld|teleurstell|frustrer|gefrustreerd|ongemak|dat hoort (?:niet|zo niet)|niet de bedoeling' },
      { name: 'probleem', words: 'vertraging|vertraagd|te laat|ontbreek|ontbrak|kwijtgeraakt|kapot|beschadig|defect|storing|terugbetal|uw klacht|je klacht|jouw klacht|fout gegaan|misgegaan|mis gegaan|dubbel afgeschreven' },
    ],
    refusal: [
      { name: 'weigering', words: 'niet mogelijk|niet beschikbaar|niet ondersteund|alleen beschikbaar|(?:kan|kunnen) (?:we |wij |ik )?(?:helaas |dat |dit |u |je )*niet (?:\\w+ )?(?:aanbieden|wijzigen|terugbetalen|annuleren|leveren|doen|helpen|vergoeden|aanpassen)|geen mogelijkheid' },
    ],
    notice: [
      { name: 'automatisch', words: 'automatisch|niet (?:beantwoorden|op reageren|op antwoorden)|no-?reply|dit (?:is een )?(?:automatisch|bevestiging|herinnering)|u ontvangt (?:deze|dit)|je ontvangt (?:deze|dit)|uitschrijven|afmelden voor' },
      { name: 'status', words: '(?:is|zijn|werd|werden) (?:zojuist |nu |succesvol |met succes )?(?:ontvangen|aangemaakt|geregistreerd|ingediend|bevestigd|verzonden|verstuurd|bezorgd|geleverd|bijgewerkt|gewijzigd|geannuleerd|verwerkt|goedgekeurd|afgewezen|geactiveerd|gedeactiveerd|gesloten|afgehandeld|toegewezen|heropend|verwijderd|terugbetaald|gecrediteerd|geaccepteerd|voltooid|geplaatst|geblokkeerd|opgeschort|gereset|gesplitst|doorgestuurd|ingepland|aangepast)|(?:uw|je|jouw) (?:bestelling|account|wachtwoord|abonnement|registratie|lidmaatschap|ticket|aanvraag|verzoek|melding|boeking|reservering|factuur|betaling|waardebon|download|gebruikersnaam|profiel|inschrijving|zaak|retour|order|kortingscode|bericht) (?:#|nummer|nr|met|is|werd|wordt|zal|gegevens|status)|bestelnummer|ordernummer|referentie(?:nummer)?|factuurnummer|meldingsnummer|zaaknummer|klik (?:op )?(?:de|deze) (?:link|knop)|(?:activeer|bevestig|verifieer) (?:uw|je|jouw|het|de)|tijdelijk wachtwoord|inloggegevens|waardebon|kortingscode|track (?:&|en) trace|welkom (?:bij|op|als)|(?:bedankt|dank u|dank je) (?:wel )?voor (?:uw|je|jouw) (?:bestelling|aankoop|registratie|inschrijving|aanmelding|betaling)|(?:u|je) (?:heeft|hebt) (?:zich |je |zojuist |succesvol |met succes )?(?:ingediend|geregistreerd|aangemeld|ingeschreven|besteld|aangevraagd|opgegeven)|(?:wij|we) (?:beoordelen|behandelen|handelen|verwerken|bekijken) (?:uw|je|jouw) (?:melding|aanvraag|verzoek|bestelling|inschrijving)|(?:uw|je|jouw) (?:melding|aanvraag|verzoek) (?:over|van|met)' },
    ],
    personal: [
      { name: 'eerste persoon', words: 'ik heb\\b|ik zie\\b|ik kan\\b|ik zal\\b|ik ga\\b|ik begrijp|ik snap|ik hoor|ik kijk|ik bel|ik stuur|ik zoek|ik denk|laat (?:me|mij) (?:even )?weten' },
      { name: 'vraagt de klant', words: '(?:kunt u|kun je|wil je|wilt u|zou je|zou u)\\b[^.!?\\n]{0,80}\\?|stuur (?:ons|me|mij) (?:even |een |je |uw )|stuur ons een dm|stuur (?:ons|me) een (?:dm|pb|privébericht)' },
    ],
    positive: "bedankt|dank je|dank u|top\\b|geweldig|fantastisch|super\\b|blij|tevreden|heerlijk|prima|fijn\\b",
    nameGreetings: 'beste|hoi|hallo|goedemorgen|goedemiddag|goedenavond',
    titles: 'mevrouw|meneer|heer|de heer|Mevrouw|Meneer',
    notNames: 'Klant|Heer|Mevrouw\\s*\\{|Gebruiker|Lid\\b',
  },
};
