import config from '@payload-config'
import { getPayload } from 'payload'
import React from 'react'

export const dynamic = 'force-dynamic'

/** The front door: the bulletin's name and its published issues. */
export default async function Home() {
  const payload = await getPayload({ config })
  const settings = await payload.findGlobal({ slug: 'publication-settings', overrideAccess: false })
  const { docs: issues } = await payload.find({
    collection: 'issues',
    overrideAccess: false,
    sort: '-publicationDate',
    limit: 20,
    depth: 0,
  })
  return (
    <main>
      <h1>{settings.bulletinName || 'Bulletin Press'}</h1>
      {settings.institute ? (
        <p>
          {settings.centre}, {settings.institute}
        </p>
      ) : null}
      <h2>Issues</h2>
      {issues.length === 0 ? <p>No issue has been published yet.</p> : null}
      <ul>
        {issues.map((issue) => (
          <li key={issue.id}>
            {issue.title} (Vol. {issue.volume}, No. {issue.number})
          </li>
        ))}
      </ul>
      <p>
        <a href="/admin">Editorial committee: sign in</a>
      </p>
    </main>
  )
}
