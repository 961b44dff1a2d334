/**
 * Risk limits: the schema and the defaults live in @pt/protocol (rest/risk-settings.ts) so the web
 * parses `GET` / `PUT /v1/risk/settings` with the same rules; re-exported here unchanged.
 */
export { DEFAULT_RISK_SETTINGS, RiskSettings } from '@pt/protocol';
