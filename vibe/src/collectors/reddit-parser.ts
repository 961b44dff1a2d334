/**
 * Reddit listing JSON (`/r/<sub>/new.json`, `/comments/<id>.json`, by-id listings) → CollectedItems.
 * The envelope must be a Listing (or an array of them) or the poll fails; each `t3` post or `t1`
 * comment is checked on its own and a malformed one is skipped. Comment replies are walked.
 */
import { z } from 'zod';
import type { CollectedItem, ParseResult } from './types.js';
import { plainText } from './text.js';

export class RedditFormatError extends Error {
  override name = 'RedditFormatError';
}

const Listing = z.object({
  kind: z.literal('Listing'),
  data: z.object({ children: z.array(z.object({ kind: z.string(), data: z.unknown() })) }),
});

/** The fields we read of a post (`t3`); Reddit sends ~100 more. */
const Post = z.object({
  name: z.string().regex(/^t3_[a-z0-9]+$/),
  subreddit: z.string().min(1),
  title: z.string().min(1),
  selftext: z.string().optional(),
  permalink: z.string().startsWith('/'),
  created_utc: z.number().positive(),
});

/** The fields we read of a comment (`t1`). */
const Comment = z.object({
  name: z.string().regex(/^t1_[a-z0-9]+$/),
  subreddit: z.string().min(1),
  body: z.string().min(1),
  permalink: z.string().startsWith('/'),
  created_utc: z.number().positive(),
  link_title: z.string().optional(),
  replies: z.unknown().optional(),
});

export function parseRedditListing(json: unknown, source: string): ParseResult {
  const listings = Array.isArray(json) ? json : [json];
  const items: CollectedItem[] = [];
  const skipped: string[] = [];
  for (const [index, listing] of listings.entries()) {
    const parsed = Listing.safeParse(listing);
    if (!parsed.success) {
      const path = [index, ...(parsed.error.issues[0]?.path ?? [])].join('.');
      throw new RedditFormatError(`${source}: not a Reddit Listing at ${path}`);
    }
    walk(parsed.data.data.children, source, items, skipped);
  }
  return { items, skipped };
}

function walk(
  children: readonly { kind: string; data: unknown }[],
  source: string,
  items: CollectedItem[],
  skipped: string[],
): void {
  for (const child of children) {
    if (child.kind === 't3') {
      const post = Post.safeParse(child.data);
      if (!post.success) skipped.push(`post: ${issueText(post.error)}`);
      else items.push(fromPost(post.data, source));
    } else if (child.kind === 't1') {
      const comment = Comment.safeParse(child.data);
      if (!comment.success) {
        skipped.push(`comment: ${issueText(comment.error)}`);
        continue;
      }
      items.push(fromComment(comment.data, source));
      const replies = Listing.safeParse(comment.data.replies);
      if (replies.success) walk(replies.data.data.children, source, items, skipped);
    }
    // `more` stubs and other kinds carry no text.
  }
}

function issueText(error: z.ZodError): string {
  const issue = error.issues[0];
  return `${issue?.path.join('.') || '(root)'}: ${issue?.message ?? 'invalid'}`;
}

function fromPost(post: z.infer<typeof Post>, source: string): CollectedItem {
  return {
    id: `${source}:${post.name}`,
    source,
    title: plainText(post.title),
    text: plainText(post.selftext ?? ''),
    url: `https://www.reddit.com${post.permalink}`,
    publishedAtMs: Math.round(post.created_utc * 1000),
  };
}

function fromComment(comment: z.infer<typeof Comment>, source: string): CollectedItem {
  return {
    id: `${source}:${comment.name}`,
    source,
    title: plainText(comment.body, 300),
    text: comment.link_title === undefined ? '' : plainText(comment.link_title),
    url: `https://www.reddit.com${comment.permalink}`,
    publishedAtMs: Math.round(comment.created_utc * 1000),
  };
}
