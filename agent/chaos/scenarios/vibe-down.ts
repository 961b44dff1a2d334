import { AgentSentimentResponse, type SentimentKillSwitchView } from '@pt/protocol';
import { eventually } from '../context.js';
import { seconds, status } from '../steps.js';
import { check, type Scenario } from '../types.js';

async function killSwitch(
  call: (m: string, p: string) => Promise<Response>,
): Promise<SentimentKillSwitchView> {
  return AgentSentimentResponse.parse(await (await call('GET', '/v1/sentiment')).json()).killSwitch;
}

/** The sentiment service stops answering (SIGSTOP: its socket stays open, requests hang). */
export const vibeDown: Scenario = {
  name: 'vibe-down',
  expected:
    'the sentiment kill switch engages (unreachable) within killAfterS (3 s here) plus one poll, the sentiment light goes red; when vibe answers again it releases',
  async run(ctx) {
    const call = (m: string, p: string): Promise<Response> => ctx.call(m, p);
    await eventually(
      async () => ((await killSwitch(call)).isEngaged ? undefined : true),
      'fresh sentiment',
      30_000,
    );
    const downMs = Date.now();
    ctx.vibe.pause();
    let engaged: SentimentKillSwitchView;
    let light = '';
    try {
      engaged = await eventually(
        async () => {
          const view = await killSwitch(call);
          return view.isEngaged ? view : undefined;
        },
        'the kill switch to engage',
        15_000,
      );
      light = (await status(ctx)).health.components.sentiment.light;
    } finally {
      ctx.vibe.resume();
    }
    const engagedAfter = seconds(downMs);
    check(
      engaged.isEngaged && engaged.reason === 'unreachable',
      `engaged for ${engaged.isEngaged ? engaged.reason : 'nothing'}`,
    );
    check(light === 'red', `the sentiment light is ${light} with the kill switch engaged`);
    const upMs = Date.now();
    await eventually(
      async () => ((await killSwitch(call)).isEngaged ? undefined : true),
      'the release',
      30_000,
    );
    return `engaged (unreachable) ${engagedAfter} after vibe stopped, sentiment light red; released ${seconds(upMs)} after it answered again`;
  },
};
