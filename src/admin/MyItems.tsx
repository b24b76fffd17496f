import type { ServerProps } from 'payload'
import React from 'react'

import { REVIEW_STATUS_LABELS, type WorkflowCollection } from '../workflow/fields'
import { myItems } from '../dashboard/myItems'
import './issueDashboard.css'

/**
 * "My items" above the admin dashboard's collections: what is assigned to the member of
 * the committee who is signed in, newest change first. Data from myItems().
 */

const KIND: Record<WorkflowCollection, string> = {
  essays: 'Essay',
  highlights: 'Highlight',
  publications: 'Publication',
  chronologies: 'Chronology',
}

export async function MyItems({ payload, user }: ServerProps) {
  if (!user) return null
  const { items } = await myItems(payload, user)
  return (
    <section className="my-items" data-testid="my-items">
      <h2>My items</h2>
      {items.length === 0 ? (
        <p className="issue-dashboard__none">Nothing is assigned to you.</p>
      ) : (
        <table className="issue-dashboard__items">
          <thead>
            <tr>
              <th>Title</th>
              <th className="issue-dashboard__col--kind">Kind</th>
              <th className="issue-dashboard__col--state">Published</th>
              <th className="issue-dashboard__col--review">Review</th>
              <th className="issue-dashboard__col--layout">Layout</th>
              <th className="issue-dashboard__col--notes">Notes</th>
            </tr>
          </thead>
          <tbody>
            {items.map((item) => (
              <tr key={`${item.collection}:${item.id}`}>
                <td className="issue-dashboard__title">
                  <a href={item.href}>{item.title}</a>
                </td>
                <td>{KIND[item.collection]}</td>
                <td>
                  <span className={`issue-dashboard__pill issue-dashboard__pill--${item.state}`}>{item.state === 'published' ? 'Published' : 'Draft'}</span>
                </td>
                <td>
                  {item.reviewStatus ? (
                    <span className={`issue-dashboard__pill issue-dashboard__pill--${item.reviewStatus}`}>{REVIEW_STATUS_LABELS[item.reviewStatus]}</span>
                  ) : (
                    <span className="issue-dashboard__none">—</span>
                  )}
                </td>
                <td>{item.layoutReady === undefined ? <span className="issue-dashboard__none">—</span> : item.layoutReady ? 'Ready' : 'Not yet'}</td>
                <td>{item.unresolvedNotes > 0 ? `${item.unresolvedNotes} open` : ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  )
}
