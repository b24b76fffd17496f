import type { Config } from 'payload'

type GraphQLExtension = NonNullable<NonNullable<Config['graphQL']>['queries']>
type Resolver = (...args: unknown[]) => Promise<Record<string, unknown>>

/**
 * `{ Access { canAccessAdmin } }` asked without a login: Payload's access operation drops
 * `canAccessAdmin` when it is false (sanitizePermissions), but its GraphQL type is a
 * non-null Boolean, so the query failed as a 500 ("Cannot return null for non-nullable
 * field"). The same query, with false filled in.
 */
export const accessForAnyone: GraphQLExtension = (_graphQL, { Query }) => {
  const access = Query.fields.Access as { type: unknown; resolve: Resolver } | undefined
  if (!access) return {}
  return {
    Access: {
      ...access,
      resolve: async (...args: unknown[]) => ({ canAccessAdmin: false, ...(await access.resolve(...args)) }),
    },
  }
}
