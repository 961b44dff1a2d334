/** Account rate-limit tier and token costs, and order groups (write bucket). */
import { formatCountFp } from '@pt/protocol';
import type { CountE2 } from '@pt/protocol';
import { z } from 'zod';
import { AccountLimitsResponse, EndpointCostsResponse } from './account-schemas.js';
import type { CallOptions, EndpointContext } from './endpoint-context.js';
import { CreateOrderGroupResponse, OrderGroupResponse, OrderGroupsResponse } from './order-schemas.js';
import type { VenueAccountLimits, VenueEndpointCosts, VenueOrderGroup } from './types.js';

export function getAccountLimits(ctx: EndpointContext, o?: CallOptions): Promise<VenueAccountLimits> {
  return ctx.call(AccountLimitsResponse, { method: 'GET', template: '/account/limits', priority: 'read' }, o);
}

export function getEndpointCosts(ctx: EndpointContext, o?: CallOptions): Promise<VenueEndpointCosts> {
  return ctx.call(
    EndpointCostsResponse,
    { method: 'GET', template: '/account/endpoint_costs', priority: 'read' },
    o,
  );
}

/** A group cancels all its orders once `contractsLimitE2` contracts match in a rolling 15 s window. */
export async function createOrderGroup(
  ctx: EndpointContext,
  contractsLimitE2: CountE2,
  o?: CallOptions,
): Promise<string> {
  const request = {
    method: 'POST',
    template: '/portfolio/order_groups/create',
    body: { contracts_limit_fp: formatCountFp(contractsLimitE2) },
    priority: 'order',
  } as const;
  const r = await ctx.call(CreateOrderGroupResponse, request, o);
  return r.order_group_id;
}

export async function getOrderGroups(ctx: EndpointContext, o?: CallOptions): Promise<VenueOrderGroup[]> {
  const r = await ctx.call(
    OrderGroupsResponse,
    { method: 'GET', template: '/portfolio/order_groups', priority: 'read' },
    o,
  );
  // The list does not carry order ids; fetch one group for those.
  return r.order_groups.map((g) => ({
    orderGroupId: g.id,
    isAutoCancelEnabled: g.is_auto_cancel_enabled,
    contractsLimitE2: g.contracts_limit_fp,
    orderIds: [],
  }));
}

export async function getOrderGroup(
  ctx: EndpointContext,
  orderGroupId: string,
  o?: CallOptions,
): Promise<VenueOrderGroup> {
  const request = {
    method: 'GET',
    template: '/portfolio/order_groups/:order_group_id',
    params: { order_group_id: orderGroupId },
    priority: 'read',
  } as const;
  const r = await ctx.call(OrderGroupResponse, request, o);
  return {
    orderGroupId,
    isAutoCancelEnabled: r.is_auto_cancel_enabled,
    contractsLimitE2: r.contracts_limit_fp,
    orderIds: r.orders,
  };
}

/** The venue answers these with an empty object; any JSON object (or nothing) is accepted. */
const EmptyAnswer = z.union([z.looseObject({}), z.undefined()]);

/** `delete` cancels the group's orders and removes it; `trigger` cancels them; `reset` re-arms it. */
export async function changeOrderGroup(
  ctx: EndpointContext,
  orderGroupId: string,
  action: 'delete' | 'reset' | 'trigger',
  o?: CallOptions,
): Promise<void> {
  const params = { order_group_id: orderGroupId };
  const request =
    action === 'delete'
      ? ({
          method: 'DELETE',
          template: '/portfolio/order_groups/:order_group_id',
          params,
          priority: 'cancel',
        } as const)
      : ({
          method: 'PUT',
          template: `/portfolio/order_groups/:order_group_id/${action}`,
          params,
          priority: 'cancel',
        } as const);
  await ctx.call(EmptyAnswer, request, o);
}

export async function setOrderGroupLimit(
  ctx: EndpointContext,
  orderGroupId: string,
  contractsLimitE2: CountE2,
  o?: CallOptions,
): Promise<void> {
  const request = {
    method: 'PUT',
    template: '/portfolio/order_groups/:order_group_id/limit',
    params: { order_group_id: orderGroupId },
    body: { contracts_limit_fp: formatCountFp(contractsLimitE2) },
    priority: 'order',
  } as const;
  await ctx.call(EmptyAnswer, request, o);
}
