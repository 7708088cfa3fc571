import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LAST_GOOD_NOTE } from '../../src/knowledge/rebuild.ts';
import { article, tempKnowledge } from '../core/helpers.ts';
import {
  DiscordEmulator,
  MANAGE_MESSAGES,
  MEMBER_PERMISSIONS,
  buttonIds,
  messageOf,
  startTestBot,
  type TestBot,
} from './emulator.ts';

/**
 * The moderators' loop on the emulator, with no restart but the one it tests: a live reload under
 * questions, a broken file, uploads, votes and the 👎 form, /gaps after a restart.
 */

let emu: DiscordEmulator;
let tb: TestBot;
let knowledgeDir: string;
let dataDir: string;
let nextUser = 420000000000000000n;
const member = () => ({ userId: String(nextUser++) });
const moderator = () => ({ ...member(), permissions: String(BigInt(MEMBER_PERMISSIONS) | MANAGE_MESSAGES) });

const OTTERS = article(
  'Otters return to the river Wey',
  '2026-03-02',
  'A family of otters was filmed near Guildford in February, the first sighting on the river Wey in forty years.',
);
const HERONS = article(
  'Herons nest on the island',
  '2026-04-10',
  'Twelve pairs of grey herons are nesting on Eel Pie Island this spring, the warden said.',
);

beforeAll(async () => {
  knowledgeDir = tempKnowledge({}, true);
  dataDir = mkdtempSync(path.join(tmpdir(), 'newsdesk-data-'));
  emu = await DiscordEmulator.start();
  tb = await startTestBot(emu, { env: { KNOWLEDGE_DIR: knowledgeDir, DATA_DIR: dataDir }, watch: true });
  await tb.bot.live!.ready();
});
afterAll(async () => {
  await tb?.bot.shutdown();
  await emu?.close();
  rmSync(knowledgeDir, { recursive: true, force: true });
  rmSync(dataDir, { recursive: true, force: true });
});

describe('live knowledge', () => {
  it('answers every question while a dropped-in article is picked up, then answers from it', async () => {
    const questions = [
      'How many documents did Azerbaijan sign in 2025?',
      'Who was the main mediator?',
      'When was the annual press conference?',
    ];
    const sent = [];
    const t0 = performance.now();
    writeFileSync(path.join(knowledgeDir, 'otters.md'), OTTERS);
    // Questions every 50 ms until the new article answers, and a moderator's reload in the middle.
    let answeredNew = false;
    for (let i = 0; !answeredNew && performance.now() - t0 < 10_000; i++) {
      sent.push(emu.slash('ask', { question: questions[i % questions.length]! }, member()));
      if (i === 3) sent.push(emu.subcommand('knowledge', 'reload', [], moderator()));
      if (i % 5 === 4) {
        const probe = emu.slash('ask', { question: 'Where were the otters filmed?' }, member());
        answeredNew = (await probe.final()).body.content.includes('Guildford');
      }
      await new Promise((r) => setTimeout(r, 50));
    }
    expect(answeredNew).toBe(true);
    expect(performance.now() - t0).toBeLessThan(10_000);
    const finals = await Promise.all(sent.map((i) => i.final(10_000)));
    for (const [n, f] of finals.entries()) {
      const body = messageOf(f);
      expect(body.content, `reply ${n}`).not.toMatch(/something went wrong/i);
      if (sent[n]!.requests[0]!.body?.data?.flags !== 64)
        expect(body.content).not.toMatch(/^That is not in the material/);
    }
    expect(tb.logs.filter((l) => l.level >= 50)).toEqual([]);
  });

  it('reports a broken file and keeps serving its last good version and every other article', async () => {
    writeFileSync(path.join(knowledgeDir, 'herons.md'), HERONS);
    const first = await emu.subcommand('knowledge', 'reload', [], moderator()).final(10_000);
    expect(first.body.content).toMatch(/herons\.md/);

    writeFileSync(path.join(knowledgeDir, 'herons.md'), HERONS.replace('published: 2026-04-10', 'published: April'));
    const reload = (await emu.subcommand('knowledge', 'reload', [], moderator()).final(10_000)).body.content;
    expect(reload).toContain('herons.md');
    expect(reload).toContain('published');
    expect(reload).toContain(LAST_GOOD_NOTE);

    const herons = (await emu.slash('ask', { question: 'How many pairs of herons are nesting?' }, member()).final())
      .body;
    // The last good version answers: the count in bold ("how many pairs": the number alone), its sentence around it.
    expect(herons.content).toContain('**Twelve** pairs of grey herons');
    const other = (await emu.slash('ask', { question: 'Who was the main mediator?' }, member()).final()).body;
    expect(other.content).not.toMatch(/^That is not in the material/);

    const status = (await emu.subcommand('knowledge', 'status', [], moderator()).final()).body;
    expect(status.content).toMatch(/Problems \(1\)/);
    expect(status.content).toContain('herons.md');
    writeFileSync(path.join(knowledgeDir, 'herons.md'), HERONS);
    await tb.bot.live!.reload('command');
  });
});

describe('/knowledge add', () => {
  it('refuses an invalid article, naming the field, and writes nothing', async () => {
    const before = readdirSync(knowledgeDir, { recursive: true }).sort();
    const bad = emu.upload('kingfishers.md', '---\npublished: 2026-05-01\n---\n\nA kingfisher was seen.\n');
    const reply = (
      await emu
        .subcommand('knowledge', 'add', [{ type: 11, name: 'file', value: bad.id }], {
          ...moderator(),
          attachments: [bad],
        })
        .final(10_000)
    ).body;
    expect(reply.content).toMatch(/^Not added — title: .*Nothing was written\.$/);
    expect(reply.flags).toBe(64);

    const notText = emu.upload('photo.png', Buffer.from([0x89, 0x50, 0x4e, 0x47]), 'image/png');
    const refused = (
      await emu
        .subcommand('knowledge', 'add', [{ type: 11, name: 'file', value: notText.id }], {
          ...moderator(),
          attachments: [notText],
        })
        .final(10_000)
    ).body;
    expect(refused.content).toMatch(/^Not added — file: must be a Markdown file/);
    expect(readdirSync(knowledgeDir, { recursive: true }).sort()).toEqual(before);
  });

  it('adds a valid article atomically and answers from it at once', async () => {
    const text = article(
      'Kingfishers by the weir',
      '2026-05-01',
      'A pair of kingfishers has been seen by the weir at Thames Ditton every morning this week.',
    );
    const file = emu.upload('Kingfishers.md', text);
    const reply = (
      await emu
        .subcommand('knowledge', 'add', [{ type: 11, name: 'file', value: file.id }], {
          ...moderator(),
          attachments: [file],
        })
        .final(10_000)
    ).body;
    expect(reply.content).toMatch(/^\*\*Added Kingfishers by the weir\*\*/);
    expect(reply.content).toContain('kingfishers.md');
    expect(readFileSync(path.join(knowledgeDir, 'kingfishers.md'), 'utf8')).toBe(text);
    expect(readdirSync(knowledgeDir).filter((f) => f.startsWith('.'))).toEqual([]);
    const answer = (await emu.slash('ask', { question: 'Where were the kingfishers seen?' }, member()).final()).body;
    expect(answer.content).toContain('Thames Ditton');
  });

  it('refuses members without Manage Messages', async () => {
    const i = emu.subcommand('knowledge', 'status', [], member());
    const reply = await i.final();
    expect(messageOf(reply).content).toMatch(/Manage Messages/);
    expect(messageOf(reply).flags).toBe(64);
  });
});

describe('feedback', () => {
  it('puts 👍 and 👎 under a public answer; one vote per member, changeable; the 👎 form is kept', async () => {
    const asked = (await emu.slash('ask', { question: 'Who was the main mediator?' }, member()).final()).body;
    const row = asked.components.at(-1);
    expect(row.components.map((c: any) => c.emoji.name)).toEqual(['👍', '👎']);
    const [up, down] = row.components.map((c: any) => c.custom_id);
    const id = Number(up.split(':')[2]);

    const voter = member();
    const first = messageOf(await emu.button(up, voter).final());
    expect(first.flags).toBe(64);
    expect(first.content).toMatch(/^Thanks, your 👍 is noted\. \(👍 1 · 👎 0\)$/);
    const again = messageOf(await emu.button(up, voter).final());
    expect(again.content).toMatch(/already rated .* \(👍 1 · 👎 0\)$/);
    expect(tb.bot.store.tally(id)).toEqual({ up: 1, down: 0 });

    const changed = messageOf(await emu.button(down, voter).final());
    expect(changed.content).toMatch(/^Changed your vote to 👎\. \(👍 0 · 👎 1\)$/);
    await emu.button(up, member()).final();
    expect(tb.bot.store.tally(id)).toEqual({ up: 1, down: 1 });

    const [why] = buttonIds(changed);
    const form = await emu.button(why!, voter).final();
    expect(form.body.type).toBe(9);
    expect(form.body.data.components[0].components[0].custom_id).toBe('looking_for');
    const thanks = messageOf(
      await emu.modalSubmit(form.body.data.custom_id, { looking_for: 'who chaired the talks' }, voter).final(),
    );
    expect(thanks.flags).toBe(64);
    expect(tb.bot.store.downvoted(0).find((d) => d.comments.includes('who chaired the talks'))).toBeDefined();
  });

  it('private answers and declined questions carry no vote buttons', async () => {
    const priv = messageOf(
      await emu.slash('ask', { question: 'Who was the main mediator?', private: true }, member()).final(),
    );
    expect(buttonIds(priv).filter((b) => /^ask:(up|dn):/.test(b))).toEqual([]);
    const declined = messageOf(await emu.slash('ask', { question: 'What is the price of Bitcoin?' }, member()).final());
    expect(buttonIds(declined).filter((b) => /^ask:(up|dn):/.test(b))).toEqual([]);
  });
});

describe('/gaps', () => {
  it('groups declined questions, and the database survives a restart', async () => {
    for (const q of ['Who won the 2018 World Cup?', 'who won the world cup in 2018', 'Who won the 2018 World Cup'])
      await emu.slash('ask', { question: q }, member()).final();
    await emu.slash('ask', { question: 'What is the weather in Baku tomorrow?', private: true }, member()).final();

    await tb.bot.shutdown();
    tb = await startTestBot(emu, { env: { KNOWLEDGE_DIR: knowledgeDir, DATA_DIR: dataDir } });

    const reply = messageOf(await emu.slash('gaps', { days: 7 }, moderator()).final());
    expect(reply.flags).toBe(64);
    const [declined, downvoted] = reply.embeds;
    // The otter probes of the first test were declined until the article arrived (how many times depends on
    // how fast the reload was): a group of its own. Groups come most frequent first.
    const lines: string[] = declined.description.split('\n');
    expect(lines.filter((l) => /^\*\*\d+×\*\* “Where were the otters filmed”/.test(l))).toHaveLength(1);
    const counts = lines.flatMap((l) => /^\*\*(\d+)×\*\*/.exec(l)?.[1] ?? []).map(Number);
    expect(counts.length).toBeGreaterThanOrEqual(4);
    expect(counts).toEqual([...counts].sort((x, y) => y - x));
    const cup = lines.filter((l) => /world cup/i.test(l));
    expect(cup).toHaveLength(1);
    expect(cup[0]).toMatch(/^\*\*3×\*\* “Who won the 2018 World Cup” — also “who won the world cup in 2018”/);
    expect(lines[lines.indexOf(cup[0]!) + 1]).toBe('  ↳ the material has nothing on it');
    expect(declined.description).toContain('Bitcoin');
    expect(declined.description).toContain('weather in Baku');
    expect(downvoted.description).toContain('Who was the main mediator');
    const refused = messageOf(await emu.slash('gaps', {}, member()).final());
    expect(refused.content).toMatch(/Manage Messages/);
  });

  it("/knowledge forget deletes this server's data after a confirmation", async () => {
    const ask = messageOf(await emu.subcommand('knowledge', 'forget', [], moderator()).final());
    expect(ask.content).toMatch(/^This deletes everything stored for this server: \d+ questions/);
    const [confirm] = buttonIds(ask);
    const done = messageOf(await emu.button(confirm!, moderator()).final());
    expect(done.content).toMatch(/^Deleted \d+ questions and \d+ votes/);
    expect(tb.bot.store.counts()).toEqual({ asked: 0, declined: 0, votes: 0 });
  });
});
