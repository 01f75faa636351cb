/** English. */
import type { Language } from '../core/lang.js';
import { count } from '../core/register.js';

const FORMAL = /(?<![\p{L}\p{N}])(?:dear|mr|mrs|ms|sir|madam|kind regards|yours sincerely|yours faithfully|we would be grateful|please do not hesitate)(?![\p{L}\p{N}])/giu;
const INFORMAL = /(?:^|\n)\s*(?:hi|hey|hiya|hello there|yo)(?![\p{L}\p{N}])|(?<![\p{L}\p{N}])(?:cheers|thx|btw|no worries|awesome|gonna|wanna)(?![\p{L}\p{N}])|[\u{1F600}-\u{1F64F}\u{1F44D}\u{2764}]/giu;
const CONTRACTION = /(?<![\p{L}\p{N}])(?:i'm|i've|i'll|i'd|we're|we've|we'll|you're|you'll|you've|don't|can't|won't|it's|that's|let's)(?![\p{L}\p{N}])/giu;

export const en: Language = {
  code: 'en',
  name: 'English',
  englishName: 'English',
  instead: 'Instead',
  detector: {
    words: ('the a an and of i you your yours we our us they them their it its that this these those not no yes but if to '
      + 'there still with for from by at about into is are was were be been being has have had do does did can could will would '
      + 'should may might must please thanks thank regards dear hello hi morning afternoon sorry apologies apologise apologize '
      + 'how what when why where who which because so just now tomorrow today my me he she his her '
      + 'order parcel received unfortunately again any some more all up out get got know let understand').split(' '),
  },
  greetings: 'hi|hello|hey|dear|good (?:morning|afternoon|evening)',
  attribution: ['On\\b.{0,200}\\bwrote:', '-{2,}\\s*(?:Original Message|Forwarded message)\\s*-{2,}'],
  verbSecond: false,
  dropsLoneWords: true,
  /** Informal only when it clearly is: a greeting such as "Hi", slang, emoji, contractions. */
  register(text) {
    const formal = count(FORMAL, text);
    const informal = count(INFORMAL, text) * 2 + count(CONTRACTION, text);
    return informal >= 2 && informal > formal * 2 ? 'informal' : 'formal';
  },
  situation: {
    problem: [
      { name: 'failure', words: "broke|broken|crash|fail|faulty|defect|damag|error|glitch|bug(?:gy|s)?\\b|outage|down\\b|offline|not work|doesn.?t work|does not work|didn.?t work|won.?t work|isn.?t work|stopped work|not load|won.?t load|not connect|can.?t connect|keeps? (?:crashing|freezing|dropping|failing|logging)|froze|freez" },
      { name: 'late or missing', words: "delay|late\\b|later than|still (?:no|not|haven|waiting|hasn|can|don|getting|receiving|being|charg)|never (?:arrived|came|got|received|showed|shows|delivered)|(?:hasn.?t|have ?n.?t|has not|have not|hadn.?t|didn.?t|did not|not yet) (?:arrived|come|been|received|got|heard|shipped|delivered|responded|replied|answered)|missing|lost|where is my|where.?s my|waiting|wait(?:ed)? (?:for|over|since)|no (?:response|reply|answer|one|signal|service|internet|power|refund|update)|cancel(?:l)?ed|stuck|stranded|overbooked|locked (?:out|me)|blocked|suspended|hack|hijack|denied|declined|rejected|accident|injur|unsafe|harass|not (?:playable|available|loading|showing|responding)|(?:gonna|going to|ever) fix|rip ?off|over and over|#\\w*(?:sucks|fail)|slow\\b|refus|ignor|silent|no help|not (?:any|much) help|never (?:asked|got|received|heard|told)|didn.?t (?:receive|get|subscribe|order|ask|authori[sz]e|work|arrive|show|load)|don.?t (?:work|download|load|open|show|receive|get|charge)|dont (?:work|download|load|open|show|receive|get)|couldn.?t|keeps? (?:telling|saying|asking|showing|crashing|freezing|failing)|when (?:are|will|is) (?:you|u|it)(?: \\w+)? (?:gonna |going to )?fix|fix (?:this|it|your)|need (?:help|assistance) (?:with|recovering|asap)|help me\\b|immediately|urgent|doubled|gave (?:my|away)|steal|stole|sucks" },
      { name: 'money', words: "refund|charged|overcharg|double.?charg|charge me|billed|bill(?:ing)? (?:error|issue|problem)|money back|compensat|fee\\b|fees\\b|scam|fraud" },
      { name: 'wrong', words: "wrong|incorrect|mistake|not what i|instead of|not the (?:one|item)|rude|unhelpful|useless|terrible|awful|horrible|worst|poor(?:ly)?\\b|bad\\b|ridiculous|unacceptable|disgust|pathetic|joke\\b|shame|shocking|appalling|disappoint|frustrat|annoy|angry|upset|furious|fed up|sick of|tired of|complain|problem|issues? with|trouble|can.?t (?:get|log|sign|access|find|use|believe|even)|cannot|unable|not able|impossible|why (?:is|are|does|do|did|can|can.?t|won.?t|isn.?t|is it|would)|what.?s (?:going on|up with|happening)|help!|please help|hate\\b|wtf|seriously|again\\?|not happy|unhappy|never again|thanks for nothing" },
    ],
    feelings: [
      { name: 'feelings', words: "terrible|awful|horrible|worst|ridiculous|unacceptable|disgust|pathetic|joke\\b|shame(?:ful)?\\b|shocking|appalling|disappoint|frustrat|annoy|angry|upset|furious|livid|fed up|sick of|tired of|hate\\b|wtf|seriously|not happy|unhappy|never again|thanks for nothing|thanks a lot|great job|well done|useless|rubbish|garbage|trash|rude|incompetent|lousy|sucks|fuck|shit|damn|hell\\b|smh|ugh|come on|how (?:hard|difficult) (?:is it|can it be)|absolute(?:ly)? (?:ridiculous|joke|disgrace)|for (?:the )?(?:\\d+|second|third|fourth|fifth|\\w+) time|again!|again\\?|still (?:no|not|waiting|haven)|yet again|every (?:single )?time|#\\w*fail|#(?:not|un)happy|#disappointed|#frustrated|#annoyed|#worst|#neveragain|#customerservice|#badservice|#ripoff|totally|completely|constant(?:ly)?|ever\\b|never|in (?:weeks|days|months|ages)|for (?:weeks|days|hours|months|ages)|(?:\\d+|several|many|two|three|four|five|six) (?:hours|days|weeks|months|wks|hrs)|what.?s the point|fraud|no one|nobody|no right|irritat|very ?upset|crap|kill|blazes|major|silent|how (?:dare|come)|!!!|refund required|need help!|\\*?sigh\\*?|over and over|rip ?off|f\\*+|#\\w*(?:sucks|fail)" },
    ],
    regret: [
      { name: 'regret', words: "sorry|apolog|we regret|i regret|regrettabl|inconvenienc|frustrat|disappoint|upset|unacceptable|that.?s not (?:good|right|ok|okay|what we)|that (?:isn.?t|is not|doesn.?t sound|does not sound) (?:good|right|ok|okay)|shouldn.?t (?:have )?happen|should not (?:have )?happen|not the experience|oh no\\b|yikes|we hate to|hate to hear" },
      { name: 'problem', words: "delay|late\\b|missing|annoy|locked out|lost\\b|broken|damag|faulty|defect|refund|compensat|your complaint|went wrong|mix-?up|double.?charg|overcharg|cancel(?:l)?ed (?:your|the) (?:flight|order|booking|appointment|train|service)" },
    ],
    refusal: [
      { name: 'refusal', words: "not (?:possible|supported|available|offered|eligible|covered|something we (?:can|are able))|isn.?t (?:possible|supported|available|offered|eligible|covered)|only (?:be )?available|unable to|can.?t be (?:done|changed|refunded|cancel+ed)|cannot be (?:done|changed|refunded|cancel+ed)|we (?:can.?t|cannot|won.?t be able to|are not able to|aren.?t able to) (?:offer|change|refund|provide|pay|cancel|hide|remove|add|do|help|make|give|support)|(?:we|i) don.?t (?:offer|support|provide)|we do not (?:offer|support|provide)|no (?:way|option) to" },
    ],
    notice: [
      { name: 'automated', words: "automat(?:ed|ic|ically)|auto-?reply|do not reply|don.?t reply|please do not respond|no-?reply|this (?:e-?mail|message|notification) (?:is|was|has been) (?:sent|generated)|you (?:are )?receiv(?:e|ing) this|unsubscribe|notification|this is a (?:confirmation|reminder|notice)" },
      { name: 'status', words: "(?:has|have) (?:now )?been (?:received|created|registered|submitted|confirmed|shipped|dispatched|sent|delivered|updated|changed|modified|cancel(?:l)?ed|processed|approved|rejected|declined|activated|deactivated|closed|resolved|assigned|reopened|opened|merged|deleted|removed|refunded|credited|accepted|completed|placed|locked|suspended|disabled|reset|split|forwarded)|(?:is|was) (?:now )?(?:on its way|being processed|ready for|available for)|order (?:#|no\\.?|number|reference|confirmation|status|total|summary|details)|your (?:order|account|password|subscription|registration|membership|ticket|request|booking|reservation|invoice|payment|voucher|download|username|login|profile|report|submission|application|case) (?:#|number|no\\.?|id|reference|has|is|was|will|details|status)|ticket (?:#|number|id)|(?:click|follow|use|visit) (?:on )?(?:the|this) (?:link|button)|(?:activate|verify|confirm) (?:your|this|the)|reset (?:your|the) password|temporary password|log ?in (?:details|credentials)|welcome (?:to|aboard)\\b|thanks? (?:you )?for (?:joining|registering|signing up|subscribing|your (?:order|purchase|registration|subscription|submission|payment))|you (?:have|'ve) (?:successfully )?(?:submitted|registered|subscribed|signed up|requested|ordered|placed)|we (?:will|'ll) (?:review|process|handle) your (?:request|report|submission|order|application)" },
    ],
    personal: [
      { name: 'first person', words: "i.?ll\\b|i will\\b|i.?ve\\b|i.?d\\b|i have (?:checked|looked|asked|passed|forwarded|escalated|sent|refunded|added|applied|booked|spoken|reached|noticed|tried|had)|i can\\b|i.?m (?:sorry|afraid|happy|glad|not sure|going)|let me\\b|i (?:see|understand|hear|think|believe|checked|looked|noticed)\\b" },
      { name: 'asks the customer', words: "can you\\b[^.!?\\n]{0,80}\\?|could you\\b|would you mind|please (?:dm|send us|reply with|share|provide|confirm|try)|dm us|send us a (?:dm|direct|private)|shoot us a dm|reach out (?:to us )?(?:via|in|through) dm" },
    ],
    positive: "great|love|loving|wonderful|awesome|amazing|fantastic|excellent|brilliant|perfect|best (?:airline|service|company|customer|team|experience)|thank you|thanks|thx|happy|excited|enjoy|fun\\b|yay|cheers|kudos|shout ?out|well done|impressed|delicious|lovely|beautiful|resolved|fixed now|works now",
    triage: '(?:this|the|your|an|new|open|existing) (?:issue|pull request|pr)\\b|repository|repro(?:duction|duce)?\\b|maintainers?|contribut|stack ?overflow|github',
    nameGreetings: 'hi|hey|hello|dear|morning|afternoon|evening',
    titles: 'mr|mrs|ms|miss|dr|Mr|Mrs|Ms|Miss|Dr',
    notNames: 'Customer|Sir|Madam|Member|User',
  },
};
