import { withPayload } from '@payloadcms/next/withPayload'

/** @type {import('next').NextConfig} */
const nextConfig = {
  // sharp, libsql and react-pdf load native code or fonts from disk: keep them external.
  serverExternalPackages: ['sharp', '@libsql/client', 'libsql', '@react-pdf/renderer'],
}

export default withPayload(nextConfig, { devBundleServerPackages: false })
