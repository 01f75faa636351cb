/**
 * Judgement on whole replies, through the real CLI: whole-reply rules apply
 * only in the situation where they make sense (a complaint, a question, a
 * notice), the customer's quoted message is read for context, and
 * require-next-step means a next step. Texts written for this test.
 */
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './helpers.js';

interface Report {
  filePath: string;
  situation: { situation: string; upset: boolean; refusal: boolean; source: string; cues: string[] };
  messages: { ruleId: string; line: number; column: number; fix?: { range: [number, number]; text: string } }[];
}

function lintText(text: string, args: string[] = [], name = 'draft.md'): Report {
  const r = runCli(['-', '--stdin-filename', name, '--format', 'json', '--no-config', ...args], { input: text });
  expect([0, 1]).toContain(r.code);
  return (JSON.parse(r.stdout) as Report[])[0];
}
const rules = (r: Report) => r.messages.map((m) => m.ruleId);
const WHOLE = ['require-apology', 'require-acknowledgement', 'require-next-step', 'require-thanks'];
const whole = (r: Report) => rules(r).filter((id) => WHOLE.includes(id));

describe('the situation of a reply', () => {
  it('reads the quoted customer message: a complaint owes an apology, a neutral question does not', () => {
    const reply = 'Hi Sam, your parcel will be delivered on Monday.';
    const complaint = lintText(`> Where is my parcel? It is a week late and nobody answers.\n\n${reply}\n`);
    expect(complaint.situation).toMatchObject({ situation: 'complaint', source: 'context' });
    expect(rules(complaint)).toContain('require-apology');
    const question = lintText(`> Hi, when will my parcel be delivered?\n\n${reply}\n`);
    expect(question.situation).toMatchObject({ situation: 'question', source: 'context' });
    expect(rules(question)).not.toContain('require-apology');
    expect(rules(question)).toContain('require-thanks');
  });

  it('reads the quoted history after an attribution line in plain text, in Dutch too', () => {
    const text = 'Hoi Tim, je pakket wordt maandag bezorgd.\n\nOp 3 maart 2025 om 14:02 schreef Tim:\n> Mijn pakket is al een week te laat. Belachelijk!\n';
    const r = lintText(text, [], 'mail.txt');
    expect(r.situation).toMatchObject({ situation: 'complaint', upset: true, source: 'context' });
    expect(rules(r)).toEqual(expect.arrayContaining(['require-apology', 'require-acknowledgement']));
    // The quoted customer text is never linted itself: "Belachelijk!" is theirs.
    expect(r.messages.every((m) => m.line === 1)).toBe(true);
  });

  it('acknowledgement is owed to an upset customer only', () => {
    const reply = 'Sorry, Ann. The refund was sent today and reaches your account within two working days.';
    const calm = lintText(`> My refund has not arrived yet.\n\n${reply}\n`);
    expect(calm.situation.upset).toBe(false);
    expect(rules(calm)).not.toContain('require-acknowledgement');
    const upset = lintText(`> Three weeks and STILL no refund. This is ridiculous!!\n\n${reply}\n`);
    expect(upset.situation.upset).toBe(true);
    expect(rules(upset)).toContain('require-acknowledgement');
    // An apology that names the problem is an acknowledgement.
    const named = lintText(`> Three weeks and STILL no refund. This is ridiculous!!\n\nSorry about the delay with your refund, Ann. It was sent today.\n`);
    expect(rules(named)).not.toContain('require-acknowledgement');
  });

  it('an automated or transactional notice gets no whole-reply rule, in both languages', () => {
    const en = 'Dear {{customer.name}},\n\nYour order #{{order.id}} has been shipped. Track it with the link below.\n\nThis is an automated message, please do not reply.\n';
    const nl = 'Beste {firstname},\n\nUw bestelling met referentie {order_name} is verzonden.\n\nDit is een automatisch bericht.\n';
    for (const text of [en, nl]) {
      const r = lintText(text);
      expect(r.situation.situation).toBe('notice');
      expect(whole(r)).toEqual([]);
    }
  });

  it('a declared situation wins: front matter, and config overrides per glob', () => {
    const text = 'Your order has been shipped and arrives on Monday.\n';
    expect(lintText(text).situation.situation).toBe('notice');
    const declared = lintText(`---\nsituation: complaint\n---\n${text}`);
    expect(declared.situation).toMatchObject({ situation: 'complaint', source: 'front-matter' });
    expect(rules(declared)).toEqual(expect.arrayContaining(['require-apology', 'require-thanks']));

    const dir = mkdtempSync(join(tmpdir(), 'replylint-situation-'));
    mkdirSync(join(dir, 'macros', 'complaints'), { recursive: true });
    writeFileSync(join(dir, '.replylintrc.yaml'), 'root: true\noverrides:\n  - files: ["macros/complaints/**"]\n    situation: complaint\n');
    writeFileSync(join(dir, 'macros', 'complaints', 'late.md'), text);
    writeFileSync(join(dir, 'macros', 'shipped.md'), text);
    const r = runCli(['macros', '--format', 'json'], { cwd: dir });
    const reports = JSON.parse(r.stdout) as Report[];
    const late = reports.find((x) => x.filePath.endsWith('late.md'))!;
    const shipped = reports.find((x) => x.filePath.endsWith('shipped.md'))!;
    expect(late.situation).toMatchObject({ situation: 'complaint', source: 'option' });
    expect(rules(late)).toContain('require-apology');
    expect(shipped.situation.situation).toBe('notice');
    expect(whole(shipped)).toEqual([]);
  });

  it('a bad situation in a config is refused with the file named', () => {
    const dir = mkdtempSync(join(tmpdir(), 'replylint-situation-'));
    writeFileSync(join(dir, '.replylintrc.yaml'), 'root: true\nsituation: angry\n');
    writeFileSync(join(dir, 'a.md'), 'Hi Sam, thanks!\n');
    const r = runCli(['a.md'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('.replylintrc.yaml');
    expect(r.stderr).toMatch(/situation/);
  });
});

describe('require-next-step means a next step', () => {
  const complaint = '> My washing machine broke down again and nobody called me back!\n\n';
  it('fires when the customer is left waiting with no time', () => {
    expect(rules(lintText(`${complaint}Sorry to hear that, Jo. Our team is working on it and will be in touch.\n`))).toContain('require-next-step');
    expect(rules(lintText(`${complaint}Sorry to hear that, Jo. Your repair was registered on 4 March.\n`))).toContain('require-next-step');
  });
  it('a time, or a clear action for the customer, meets it', () => {
    expect(rules(lintText(`${complaint}Sorry to hear that, Jo. An engineer will call you tomorrow before 12:00.\n`))).not.toContain('require-next-step');
    expect(rules(lintText(`${complaint}Sorry to hear that, Jo. Please DM us your order number.\n`))).not.toContain('require-next-step');
    expect(rules(lintText(`${complaint}Sorry to hear that, Jo. Could you send us a photo of the error?\n`))).not.toContain('require-next-step');
  });
  it('a refusal leaves a customer who only asked at a dead end too, unless a way on follows', () => {
    const ask = '> Can I pay with PayPal?\n\n';
    const dead = lintText(`${ask}Hi Sam, paying with PayPal is not possible in our shop.\n`);
    expect(dead.situation).toMatchObject({ situation: 'question', refusal: true });
    expect(rules(dead)).toContain('require-next-step');
    expect(rules(lintText(`${ask}Hi Sam, paying with PayPal is not possible, but you can pay by card.\n`))).not.toContain('require-next-step');
  });
  it('an attribution line with a date is not a next step', () => {
    const text = 'Hoi Jo, sorry voor het gedoe met je wasmachine. Ons team is ermee bezig.\n\nOp 3 maart 2025 om 14:02 schreef Jo:\n> Mijn wasmachine is alweer kapot!\n';
    expect(rules(lintText(text, [], 'mail.txt'))).toContain('require-next-step');
  });
});

describe('no-shouting is about tone', () => {
  it('acronyms, initials, quoted labels and form legends are not shouting', () => {
    const text = [
      'Hi Kim, sorry about that! PSN was down for an hour; the WWW login and our NLU bot work again.',
      '',
      'Click the "I STILL NEED HELP" button if it happens again. ^JDG',
      '',
      'REQUIRED: your order number',
      '',
      'VERPLICHT: uw ordernummer',
      '',
    ].join('\n');
    expect(rules(lintText(text))).not.toContain('no-shouting');
  });
  it('a run of capital words is one problem, and its fix gives sentence case', () => {
    const r = lintText('WE HAVE RECEIVED YOUR COMPLAINT AND WILL RESPOND within two days.\n');
    expect(rules(r).filter((id) => id === 'no-shouting')).toHaveLength(1);
    const fixed = runCli(['-', '--fix', '--no-config', '--rule', 'require-apology=off'], { input: 'Thanks, Kim. WE HAVE RECEIVED YOUR COMPLAINT AND WILL RESPOND within two days.\n' });
    expect(fixed.stdout).toBe('Thanks, Kim. We have received your complaint and will respond within two days.\n');
  });
});

describe('reading a list of cues in one pass', () => {
  // found() reads a list's word-start cues with one expression, then tries each cue where it stops:
  // each cue must still get the first match its own expression finds, overlaps and shared places included.
  it('gives each cue the first match of its own expression', async () => {
    const fc = (await import('fast-check')).default;
    const { found } = await import('../src/core/situation.js');
    const B = '(?<![\\p{L}\\p{N}])';
    const cue = (name: string, words: string) => ({ name, re: new RegExp(`${B}(?:${words})`, 'iu') });
    const cues = [
      cue('a', 'sorry|so sorry'),
      cue('b', 'sorry for|apolog'),
      cue('c', 'late\\b|delay'),
      cue('d', 'delay(?:ed)?|ay'),
      cue('e', 'refund'),
      { name: 'not a word start', re: /[!?]{2}/u },
    ];
    const naive = (text: string) => cues.flatMap((c) => {
      const m = c.re.exec(text);
      return m ? [`reply ${c.name}: "${m[0].trim()}"`] : [];
    });
    const pieces = ['sorry', 'So sorry for', 'apologies', 'DELAYED', 'delay', 'late', 'later', 'ay', 'refund', 'unsorry', ' ', ', ', '!!', 'é', '😀', 'x'];
    fc.assert(fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 14 }), (parts) => {
      const text = parts.join('');
      expect(found(cues, text, 'reply ')).toEqual(naive(text));
    }), { numRuns: 3000 });
    expect(found(cues, 'We are so sorry for the delayed refund!!', 'reply ')).toEqual([
      'reply a: "so sorry"', 'reply b: "sorry for"', 'reply c: "delay"', 'reply d: "delayed"', 'reply e: "refund"', 'reply not a word start: "!!"',
    ]);
  });
});
