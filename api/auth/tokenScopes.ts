// What an integrator's API token may be granted. A token acts on behalf of the
// manager who created it, restricted to these scopes.
export const tokenScopes = ['customers:read', 'customers:write', 'appointments:read', 'users:read'] as const;
export type TokenScope = (typeof tokenScopes)[number];
