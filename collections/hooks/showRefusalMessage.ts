import type { CollectionAfterErrorHook } from 'payload'

/**
 * The admin shows an error from `errors[]` through Payload's field-errors toast, which reads
 * everything after the first ":" as a comma-separated list of fields: a title such as
 * "ASEAN - Korea Relations: A Chronology of Key Events" (or "Approve it first, or save it
 * as a draft" after it) came out cut into a bulleted list. A top-level `message` is shown as
 * it is (@payloadcms/ui Form: `if (json.message) errorToast(json.message)`), so a workflow
 * refusal answers with one beside the usual `errors`.
 */
export const showRefusalMessage: CollectionAfterErrorHook = ({ error, result }) => {
  if (error.name !== 'WorkflowRefusal') return
  return { response: { ...result, message: error.message } }
}
