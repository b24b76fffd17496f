import type { Plugin } from 'payload'

import type { Env } from './env'

/**
 * Where uploads (images, exported PDFs) are kept: in S3 when S3_BUCKET is set, else on the
 * local disk (MEDIA_DIR). The S3 plugin and the AWS client load only when they are used.
 */
export async function storagePlugins(env: Env): Promise<Plugin[]> {
  if (!env.S3_BUCKET) return []
  const { s3Storage } = await import('@payloadcms/storage-s3')
  return [
    s3Storage({
      collections: { media: true, 'issue-exports': true },
      bucket: env.S3_BUCKET,
      config: {
        region: env.S3_REGION,
        endpoint: env.S3_ENDPOINT,
        forcePathStyle: Boolean(env.S3_ENDPOINT),
        credentials: {
          accessKeyId: env.S3_ACCESS_KEY_ID ?? '',
          secretAccessKey: env.S3_SECRET_ACCESS_KEY ?? '',
        },
      },
    }),
  ]
}
