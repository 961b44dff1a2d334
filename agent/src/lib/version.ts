import agentPackage from '../../package.json' with { type: 'json' };

/** The agent's release version, from its package.json (the one source of truth for it). */
export const AGENT_VERSION: string = agentPackage.version;
