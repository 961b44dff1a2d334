/**
 * Runs only the order-latency bench (for `--cpu-prof` and quick before/after runs):
 * `node --import tsx bench/order-latency-run.ts` from `agent/`.
 */
import { emit } from './bench.js';
import { orderLatencyBench } from './order-latency.bench.js';

emit(await orderLatencyBench.run());
