/**
 * Discord channel messages (`GET /channels/{channel.id}/messages`, an array of Message objects) →
 * CollectedItems. The schema is written from Discord's documented Message object
 * (https://discord.com/developers/docs/resources/message#message-object): no real capture of
 * a Discord response exists in this repository, so the tests use messages built from that
 * documentation. Only the fields we read are checked; a malformed message is skipped.
 */
import { z } from 'zod';
import type { CollectedItem, ParseResult } from './types.js';
import { plainText } from './text.js';

export class DiscordFormatError extends Error {
  override name = 'DiscordFormatError';
}

/** A snowflake: a 64-bit id serialised as a decimal string. */
const Snowflake = z.string().regex(/^[0-9]{1,20}$/, 'expected a snowflake (decimal string)');

/** Documented `user` object, the fields we read. */
const User = z.object({ id: Snowflake, username: z.string(), bot: z.boolean().optional() });

/** Documented `embed` object, the text fields. */
const Embed = z.object({
  title: z.string().optional(),
  description: z.string().optional(),
  url: z.string().optional(),
});

/** Documented `message` object, the fields we read (others pass untouched). */
export const DiscordMessage = z.object({
  id: Snowflake,
  channel_id: Snowflake,
  author: User,
  content: z.string(),
  /** ISO 8601, e.g. `2026-03-08T22:16:05.123000+00:00`. */
  timestamp: z.iso.datetime({ offset: true }),
  edited_timestamp: z.iso.datetime({ offset: true }).nullable(),
  embeds: z.array(Embed),
  /** 0 DEFAULT, 19 REPLY; other types (joins, pins, boosts) carry no opinion. */
  type: z.int(),
});
export type DiscordMessage = z.infer<typeof DiscordMessage>;

const TEXT_TYPES = new Set([0, 19]);

export function parseDiscordMessages(json: unknown, source: string): ParseResult {
  if (!Array.isArray(json)) throw new DiscordFormatError(`${source}: expected an array of messages`);
  const items: CollectedItem[] = [];
  const skipped: string[] = [];
  for (const raw of json) {
    const parsed = DiscordMessage.safeParse(raw);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      skipped.push(`message: ${issue?.path.join('.') || '(root)'}: ${issue?.message ?? 'invalid'}`);
      continue;
    }
    const message = parsed.data;
    if (!TEXT_TYPES.has(message.type) || message.author.bot === true) continue;
    const embedText = message.embeds.map((e) => [e.title, e.description].filter(Boolean).join(' ')).join(' ');
    const title = plainText(message.content, 300) || plainText(embedText, 300);
    if (title === '') continue;
    items.push({
      id: `${source}:${message.id}`,
      source,
      title,
      text: plainText(embedText),
      // A message link needs the guild id, which channel-message responses do not carry.
      url: null,
      publishedAtMs: Date.parse(message.timestamp),
    });
  }
  return { items, skipped };
}
