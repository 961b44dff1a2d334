/**
 * The Discord message parser. No real capture of a Discord API response exists in this
 * repository: these messages are written from Discord's documented Message object
 * (https://discord.com/developers/docs/resources/message#message-object), field for field.
 */
import { describe, expect, it } from 'vitest';
import { DiscordFormatError, parseDiscordMessages } from './discord-parser.js';

function message(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id: '1215447870000000001',
    channel_id: '1215400000000000000',
    author: {
      id: '80351110224678912',
      username: 'nelly',
      discriminator: '0',
      global_name: 'Nelly',
      avatar: null,
    },
    content: 'CPI came in hot, rate cut odds falling',
    timestamp: '2026-03-08T22:16:05.123000+00:00',
    edited_timestamp: null,
    tts: false,
    mention_everyone: false,
    mentions: [],
    mention_roles: [],
    attachments: [],
    embeds: [],
    pinned: false,
    type: 0,
    ...overrides,
  };
}

describe('parseDiscordMessages', () => {
  it('reads a documented default message', () => {
    const { items, skipped } = parseDiscordMessages([message()], 'discord:macro');
    expect(skipped).toEqual([]);
    expect(items).toEqual([
      {
        id: 'discord:macro:1215447870000000001',
        source: 'discord:macro',
        title: 'CPI came in hot, rate cut odds falling',
        text: '',
        url: null,
        publishedAtMs: Date.parse('2026-03-08T22:16:05.123Z'),
      },
    ]);
  });

  it('uses embed text when the content is empty (link previews)', () => {
    const embed = { title: 'Fed holds rates steady', description: 'Powell signals patience', type: 'rich' };
    const [item] = parseDiscordMessages([message({ content: '', embeds: [embed] })], 'discord:m').items;
    expect(item?.title).toBe('Fed holds rates steady Powell signals patience');
  });

  it('keeps replies (type 19), drops joins and bots without counting them as malformed', () => {
    const result = parseDiscordMessages(
      [
        message({ id: '1', type: 19 }),
        message({ id: '2', type: 7 }),
        message({ id: '3', author: { id: '4', username: 'bot', bot: true } }),
      ],
      'discord:m',
    );
    expect(result.items.map((item) => item.id)).toEqual(['discord:m:1']);
    expect(result.skipped).toEqual([]);
  });

  it('skips malformed messages naming the field, keeps the rest', () => {
    const result = parseDiscordMessages(
      [message({ id: 42 }), message({ timestamp: 'yesterday' }), message({ id: '7' })],
      'discord:m',
    );
    expect(result.items.map((item) => item.id)).toEqual(['discord:m:7']);
    expect(result.skipped).toHaveLength(2);
    expect(result.skipped[0]).toMatch(/^message: id: /);
    expect(result.skipped[1]).toMatch(/^message: timestamp: /);
  });

  it('throws DiscordFormatError when the payload is not an array (an error object)', () => {
    expect(() => parseDiscordMessages({ message: '401: Unauthorized', code: 0 }, 'discord:m')).toThrow(
      DiscordFormatError,
    );
  });
});
