import { withPayload } from '@payloadcms/next/withPayload'

/** @type {import('next').NextConfig} */
const nextConfig = {
  // Browser tests run their own dev server beside a developer's: each needs its own folder.
  distDir: process.env.NEXT_DIST_DIR || '.next',
  // sharp, libsql and react-pdf load native code or fonts from disk: keep them external.
  serverExternalPackages: ['sharp', '@libsql/client', 'libsql', '@react-pdf/renderer'],
}

export default withPayload(nextConfig, { devBundleServerPackages: false })
