'use server'

import { headers } from 'next/headers'

import { clientAddress } from '@/clientAddress'
import { subscribe } from '@/subscribers/subscribe'
import { env } from '@/env'
import { sitePayload } from '../_lib/site'

export interface SubscribeFormState {
  status: 'idle' | 'done' | 'error'
  message?: string
  field?: 'email' | 'name'
  /** What the reader typed, kept on errors so they need not type it again. */
  values?: { name: string; email: string }
}

export async function subscribeAction(_previous: SubscribeFormState, form: FormData): Promise<SubscribeFormState> {
  const value = (key: string) => {
    const v = form.get(key)
    return typeof v === 'string' ? v : ''
  }
  const values = { name: value('name'), email: value('email') }
  const result = await subscribe(await sitePayload(), {
    email: values.email,
    name: values.name,
    honeypot: value('website'),
    sourcePath: value('source'),
    // X-Forwarded-For only as far as TRUSTED_PROXIES allows (README, Configuration).
    ip: clientAddress(await headers(), env().TRUSTED_PROXIES),
  })
  if (result.ok) return { status: 'done', values }
  switch (result.reason) {
    case 'invalid':
      return { status: 'error', field: result.field, message: result.message, values }
    case 'rate-limited':
      return {
        status: 'error',
        message: `Too many requests from here just now. Please try again in ${Math.max(1, Math.ceil(result.retryAfterSeconds / 60))} minutes.`,
        values,
      }
    case 'unavailable':
      return { status: 'error', message: result.message, values }
  }
}
