/**
 * Direction words of market news: +1 for words that say a price, result or outlook went up, −1 for
 * down. Written from general finance vocabulary (headline verbs, analyst actions, results language),
 * not extracted from any data set. Inflections are listed (the tokenizer does not lemmatise).
 * VADER's general lexicon misses most of these ("retreats", "misses", "downgrade", "tops"), and a
 * bag of words learns each rare form on its own; one shared feature lets them pool.
 * Any change here changes the features: bump FINANCE_WORDS_VERSION (recorded in FEATURE_SPEC).
 */
export const FINANCE_WORDS_VERSION = 1;

const UP = `
rise rises rising rose risen gain gains gained gaining jump jumps jumped jumping surge surges surged
surging soar soars soared soaring rally rallies rallied rallying climb climbs climbed climbing beat
beats beating tops topped exceed exceeds exceeded upgrade upgrades upgraded raise raises raised
raising hike hikes hiked higher high highs record boost boosts boosted outperform outperforms
outperformed bullish bull buy buys strong stronger strength rebound rebounds rebounded recover
recovers recovered recovery advance advances advanced grow grows grew growth expand expands
expanded expansion profit profits profitable upbeat optimistic optimism positive win wins won
approve approves approved approval spike spikes spiked rocket rockets skyrocket skyrockets
accelerate accelerates accelerating overweight upside breakout`;

const DOWN = `
fall falls fell falling fallen drop drops dropped dropping slide slides slid sliding slump slumps
slumped plunge plunges plunged plunging tumble tumbles tumbled tumbling retreat retreats retreated
sink sinks sank sinking decline declines declined declining miss misses missed missing cut cuts
cutting downgrade downgrades downgraded lower lowers lowered lowest low lows weak weaker weakness
loss losses lose loses losing lost layoff layoffs bearish bear sell sells selloff crash crashes
crashed slowdown slow slows slowed slowing warn warns warned warning probe probes lawsuit lawsuits
sue sues sued recall recalls halt halts halted delay delays delayed suspend suspends suspended fine
fined fines penalty shrink shrinks shrank contraction recession default defaults bankrupt
bankruptcy downside underperform underperforms underweight negative pessimistic concern concerns
worry worries fear fears risk risks slash slashes slashed tank tanks tanked dive dives dived sheds
shed slip slips slipped ease eases eased dip dips dipped pressure pressured headwinds struggle
struggles struggling`;

function directions(): ReadonlyMap<string, 1 | -1> {
  const map = new Map<string, 1 | -1>();
  for (const word of UP.split(/\s+/)) if (word) map.set(word, 1);
  for (const word of DOWN.split(/\s+/)) if (word) map.set(word, -1);
  return map;
}

/** Lowercase word → +1 (up) or −1 (down). */
export const FINANCE_DIRECTION: ReadonlyMap<string, 1 | -1> = directions();
