import type { DateField } from 'payload'

/**
 * Calendar days are stored at 12:00 UTC so that no time zone shifts them to another day;
 * the model reads them back as YYYY-MM-DD.
 */
export function toStoredDate(isoDay: string): string {
  return `${isoDay.slice(0, 10)}T12:00:00.000Z`
}

export function fromStoredDate(value: string | Date | null | undefined): string | undefined {
  if (!value) return undefined
  const date = typeof value === 'string' ? new Date(value) : value
  if (Number.isNaN(date.getTime())) return undefined
  return date.toISOString().slice(0, 10)
}

export function dayDateField(name: string, label: string, required = false): DateField {
  return {
    name,
    label,
    type: 'date',
    required,
    admin: { date: { pickerAppearance: 'dayOnly', displayFormat: 'd MMMM yyyy' } },
    hooks: {
      beforeValidate: [
        ({ value }) => {
          const day = fromStoredDate(value as string | Date | null | undefined)
          return day ? toStoredDate(day) : value
        },
      ],
    },
  }
}
