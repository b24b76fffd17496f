'use client'

import React, { useActionState, useId } from 'react'

import { subscribeAction, type SubscribeFormState } from '../subscribe/actions'

/**
 * Name and email, plus a trap field people never see. Works without JavaScript (the form
 * posts to the server action); with it, the answer replaces the form in place.
 */
export function SubscribeForm({ source, bulletinName }: { source: string; bulletinName: string }) {
  const [state, action, pending] = useActionState<SubscribeFormState, FormData>(subscribeAction, { status: 'idle' })
  const id = useId()
  if (state.status === 'done') {
    return (
      <div className="notice" role="status" data-testid="subscribe-done">
        <p>
          <strong>Almost done: please check your inbox.</strong>
        </p>
        <p>
          If {state.values?.email || 'this address'} can receive the {bulletinName}, we have sent it a link to confirm the
          subscription. The link works for 7 days. Nothing is sent until you confirm.
        </p>
      </div>
    )
  }
  const emailError = state.status === 'error' && state.field === 'email'
  const nameError = state.status === 'error' && state.field === 'name'
  return (
    <form action={action} className="form" noValidate aria-describedby={`${id}-privacy`}>
      {state.status === 'error' && !state.field ? (
        <p className="notice error" role="alert">
          {state.message}
        </p>
      ) : null}
      <div className="field">
        <label htmlFor={`${id}-name`}>
          Your name <span className="fine-print">(optional)</span>
        </label>
        <input
          id={`${id}-name`}
          name="name"
          type="text"
          autoComplete="name"
          maxLength={200}
          defaultValue={state.values?.name}
          aria-invalid={nameError || undefined}
          aria-describedby={nameError ? `${id}-name-error` : undefined}
        />
        {nameError ? (
          <p className="error-text" id={`${id}-name-error`}>
            {state.message}
          </p>
        ) : null}
      </div>
      <div className="field">
        <label htmlFor={`${id}-email`}>Email address</label>
        <input
          id={`${id}-email`}
          name="email"
          type="email"
          required
          autoComplete="email"
          inputMode="email"
          maxLength={254}
          defaultValue={state.values?.email}
          aria-invalid={emailError || undefined}
          aria-describedby={emailError ? `${id}-email-error` : undefined}
        />
        {emailError ? (
          <p className="error-text" id={`${id}-email-error`} role="alert">
            {state.message}
          </p>
        ) : null}
      </div>
      <div className="trap" aria-hidden="true">
        <label htmlFor={`${id}-website`}>Leave this empty</label>
        <input id={`${id}-website`} name="website" type="text" tabIndex={-1} autoComplete="off" />
      </div>
      <input type="hidden" name="source" value={source} />
      <div>
        <button className="button" type="submit" disabled={pending}>
          {pending ? 'Subscribing…' : 'Subscribe'}
        </button>
      </div>
      <p className="fine-print" id={`${id}-privacy`}>
        We use your address only to send the {bulletinName}, about four times a year. Every email has a one-click unsubscribe
        link.
      </p>
    </form>
  )
}
