/**
 * True when a 2xx order answer carries no usable order id (`{}`, `null`, `order_id: ""`). Such an
 * answer must be treated as "not placed" (a rejection), never as a pending order with no id.
 */
export function isMissingOrderId(body: unknown): boolean {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return true;
  const orderId: unknown = Reflect.get(body, 'order_id');
  return typeof orderId !== 'string' || orderId === '';
}
