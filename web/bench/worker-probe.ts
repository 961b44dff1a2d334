/**
 * Stamps, inside the shared stream worker, the moment each book frame arrived from the agent: the
 * worker's first step on a frame is `JSON.parse` of its text, so a wrapped `JSON.parse` notes the
 * time of every frame carrying a book, and a wrapped `MessagePort.postMessage` adds that time to
 * the Comlink `onBook` call it sends to the tabs (the page probe reads it). Installed through CDP
 * (`Target.attachToTarget` on the shared_worker target from a page session); no app change.
 */
import type { CDPSession } from 'playwright-core';

const WORKER_PROBE = `(() => {
  const now = () => performance.timeOrigin + performance.now();
  let lastBookFrameMs = 0;
  const parse = JSON.parse;
  JSON.parse = function (text, reviver) {
    if (typeof text === 'string' && text.includes('"book.')) lastBookFrameMs = now();
    return parse.call(this, text, reviver);
  };
  const post = MessagePort.prototype.postMessage;
  MessagePort.prototype.postMessage = function (message, ...rest) {
    if (message && message.type === 'APPLY' && Array.isArray(message.path) && message.path[0] === 'onBook') {
      message.ptWorkerRecvMs = lastBookFrameMs;
    }
    return post.call(this, message, ...rest);
  };
  return 'installed';
})()`;

/** Installs the probe in the profile's shared stream worker; false when there is none. */
export async function installWorkerProbe(cdp: CDPSession): Promise<boolean> {
  const { targetInfos } = await cdp.send('Target.getTargets');
  const worker = targetInfos.find((t) => t.type === 'shared_worker');
  if (worker === undefined) return false;
  const { sessionId } = await cdp.send('Target.attachToTarget', {
    targetId: worker.targetId,
    flatten: false,
  });
  const answered = new Promise<boolean>((resolve) => {
    cdp.on('Target.receivedMessageFromTarget', (event: { sessionId: string; message: string }) => {
      if (event.sessionId !== sessionId) return;
      const reply = JSON.parse(event.message) as { id?: number; result?: { result?: { value?: unknown } } };
      if (reply.id === 1) resolve(reply.result?.result?.value === 'installed');
    });
  });
  await cdp.send('Target.sendMessageToTarget', {
    sessionId,
    message: JSON.stringify({ id: 1, method: 'Runtime.evaluate', params: { expression: WORKER_PROBE } }),
  });
  return answered;
}
