import type { Access } from 'payload'

/** Records that are written once and never edited (exports, audit trails). */
export const nobody: Access = () => false
