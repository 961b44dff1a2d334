/** Compiles topic rules into one matcher: an item's title and text → the topics it speaks about. */
import type { TopicRule } from './rules.js';

interface CompiledRule {
  topic: string;
  groups: RegExp[];
  exclude: RegExp | null;
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Whole words or phrases, case-insensitive, an optional plural "s"; spaces match any whitespace. */
function wordsRegExp(words: readonly string[]): RegExp {
  const alternatives = words.map((word) => escape(word.toLowerCase()).replace(/ +/g, '\\s+'));
  return new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternatives.join('|')})s?(?![\\p{L}\\p{N}])`, 'iu');
}

export class TopicMatcher {
  private readonly rules: CompiledRule[];

  constructor(rules: readonly TopicRule[]) {
    this.rules = rules.map((rule) => ({
      topic: rule.topic,
      groups: rule.match.map(wordsRegExp),
      exclude: rule.exclude.length === 0 ? null : wordsRegExp(rule.exclude),
    }));
  }

  get topics(): string[] {
    return [...new Set(this.rules.map((rule) => rule.topic))];
  }

  has(topic: string): boolean {
    return this.rules.some((rule) => rule.topic === topic);
  }

  /** Topics of one item, each once, in rule order. */
  topicsOf(item: { title: string; text: string }): string[] {
    const haystack = `${item.title}\n${item.text}`;
    const found = new Set<string>();
    for (const rule of this.rules) {
      if (found.has(rule.topic)) continue;
      if (rule.exclude?.test(haystack) === true) continue;
      if (rule.groups.every((group) => group.test(haystack))) found.add(rule.topic);
    }
    return [...found];
  }
}
