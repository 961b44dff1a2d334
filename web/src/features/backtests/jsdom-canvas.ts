/**
 * jsdom has no canvas: lightweight-charts asks for a 2D context on every frame and throws on null.
 * Component tests install this no-op context (and a no-op ResizeObserver) so the real chart code
 * runs — series built, data set — while pixels are left to the Chromium end-to-end test.
 */
function noOpContext(canvas: HTMLCanvasElement): CanvasRenderingContext2D {
  const gradient = { addColorStop: () => undefined };
  const state: Record<PropertyKey, unknown> = {};
  return new Proxy(state, {
    get(target, prop) {
      if (prop === 'canvas') return canvas;
      if (prop === 'measureText')
        return (text: string) => ({
          width: text.length * 6,
          actualBoundingBoxAscent: 8,
          actualBoundingBoxDescent: 2,
        });
      if (prop === 'getLineDash') return () => [];
      if (prop in target) return target[prop];
      return () => gradient;
    },
    set(target, prop, value) {
      target[prop] = value;
      return true;
    },
  }) as unknown as CanvasRenderingContext2D;
}

export function installJsdomCanvas(): void {
  const getContext = function (this: HTMLCanvasElement) {
    return noOpContext(this);
  };
  HTMLCanvasElement.prototype.getContext = getContext as unknown as HTMLCanvasElement['getContext'];
  globalThis.ResizeObserver ??= class {
    observe(): void {}
    unobserve(): void {}
    disconnect(): void {}
  };
}
