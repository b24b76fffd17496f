import type { Field, GroupField } from 'payload'

import { notProductionEditor } from '../access/notProductionEditor'

/**
 * Issues and essays carry a `layout` group that production editors may change; every other
 * top-level field becomes read-only for them. Named fields get the field-level rule;
 * unnamed containers (tabs, rows) pass it on to their children.
 */
export function withLayoutFields(fields: Field[], layoutFields: Field[]): Field[] {
  const layout: GroupField = {
    name: 'layout',
    type: 'group',
    label: 'Layout (production)',
    admin: { description: 'Print layout choices. Production editors may change these.' },
    fields: layoutFields,
  }
  return [...lockedForProduction(fields), layout]
}

/**
 * Fields production editors may see but not change: the content of items they may save
 * for their own fields only (layout, "layout ready").
 */
export function lockedForProduction(fields: Field[]): Field[] {
  return fields.map(lockForProduction)
}

function lockForProduction(field: Field): Field {
  if (field.type !== 'ui' && 'name' in field && field.name) {
    return { ...field, access: { ...field.access, update: notProductionEditor } } as Field
  }
  if (field.type === 'row' || field.type === 'collapsible') {
    return { ...field, fields: field.fields.map(lockForProduction) }
  }
  if (field.type === 'tabs') {
    return {
      ...field,
      tabs: field.tabs.map((tab) => ({ ...tab, fields: tab.fields.map(lockForProduction) })),
    }
  }
  return field
}
