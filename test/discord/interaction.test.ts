import { describe, expect, it } from 'vitest';
import { infoOf, optionValues, RawInteractionSchema } from '../../bot/interaction.ts';

/** The raw interaction as both transports hand it to the pipeline. */

const base = { id: '1', application_id: '2', type: 2, token: 't' };

describe('optionValues', () => {
  it('flattens subcommands and groups, resolves attachments, finds the focused option', () => {
    const raw = RawInteractionSchema.parse({
      ...base,
      data: {
        name: 'knowledge',
        options: [
          {
            name: 'files',
            type: 2,
            options: [
              {
                name: 'add',
                type: 1,
                options: [
                  { name: 'file', type: 11, value: '99' },
                  { name: 'note', type: 3, value: 'new', focused: true },
                ],
              },
            ],
          },
        ],
        resolved: {
          attachments: {
            '99': { id: '99', filename: 'a.md', url: 'https://x/a.md', size: 12, content_type: 'text/markdown' },
          },
        },
      },
    });
    expect(optionValues(raw)).toEqual({
      values: {
        group: 'files',
        subcommand: 'add',
        file: { name: 'a.md', url: 'https://x/a.md', size: 12, contentType: 'text/markdown' },
        note: 'new',
      },
      focused: { name: 'note', value: 'new' },
    });
  });
});

describe('infoOf', () => {
  it('reads the member in a guild, the user in a DM', () => {
    const inGuild = infoOf(
      RawInteractionSchema.parse({
        ...base,
        guild_id: '3',
        member: { user: { id: '4', username: 'm' }, permissions: '8192' },
      }),
    );
    expect(inGuild).toMatchObject({ guildId: '3', user: { id: '4', bot: false }, memberPermissions: 8192n });
    const inDm = infoOf(RawInteractionSchema.parse({ ...base, user: { id: '5', username: 'u', bot: true } }));
    expect(inDm).toMatchObject({ guildId: null, user: { id: '5', bot: true }, memberPermissions: null });
  });

  it('refuses what is not an interaction', () => {
    for (const bad of [null, [], { ...base, id: 'x' }, { ...base, token: '' }, { id: '1' }])
      expect(RawInteractionSchema.safeParse(bad).success).toBe(false);
  });
});
