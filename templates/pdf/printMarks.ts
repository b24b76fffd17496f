/**
 * Props a print template sets on a node for the renderer to read once the document is laid
 * out (react-pdf keeps a node's props on its laid-out copies). See src/render/pdf/continued.ts.
 */
export const PRINT_MARKS = {
  /** On what starts an item (a chronology entry's day cell): the item's id. */
  entryStart: 'data-entry-start',
  /** On what repeats on each page the item goes on to (fixed): the item's id. Taken off the page where the item starts. */
  entryContinued: 'data-entry-continued',
} as const
