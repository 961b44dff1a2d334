import type { z } from 'zod';
import type { Logger } from 'pino';
import type { ContractMonitor } from '../contract/contract-monitor.js';
import type { RequestPriority } from '../rate-limit/types.js';
import type { HttpTransport, TransportRequest, TransportResponse } from './http-transport.js';
import { parseVenue } from './venue-parse.js';

/** Per-call options every endpoint accepts. */
export interface CallOptions {
  /** Overrides the endpoint's default priority (e.g. `flatten` for Flatten All traffic). */
  priority?: RequestPriority;
  signal?: AbortSignal;
}

/** What the endpoint modules share: the transport and the fail-closed parser. */
export class EndpointContext {
  constructor(
    readonly transport: HttpTransport,
    readonly contract: ContractMonitor,
    readonly logger: Logger,
  ) {}

  /** Sends the request and parses the 2xx body with `schema` (fail closed). */
  async call<S extends z.ZodType>(
    schema: S,
    request: Omit<TransportRequest, 'priority'> & { priority: RequestPriority },
    options: CallOptions = {},
  ): Promise<z.output<S>> {
    const response = await this.raw(request, options);
    return this.parse(schema, response);
  }

  raw(request: TransportRequest, options: CallOptions = {}): Promise<TransportResponse> {
    return this.transport.send({
      ...request,
      priority: options.priority ?? request.priority,
      ...(options.signal === undefined ? {} : { signal: options.signal }),
    });
  }

  parse<S extends z.ZodType>(schema: S, response: TransportResponse): z.output<S> {
    return parseVenue(schema, response.body, {
      endpoint: response.endpoint,
      contract: this.contract,
      logger: this.logger,
      isWrite: response.isWrite,
    });
  }
}
