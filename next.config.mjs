import { withPayload } from '@payloadcms/next/withPayload'

/** @type {import('next').NextConfig} */
const nextConfig = {
  // Browser tests run their own dev server beside a developer's: each needs its own folder.
  distDir: process.env.NEXT_DIST_DIR || '.next',
  // sharp, libsql and react-pdf load native code or fonts from disk: keep them external.
  // The font packages too: the print renderer resolves their .ttf files at run time.
  serverExternalPackages: [
    'sharp',
    '@libsql/client',
    'libsql',
    '@react-pdf/renderer',
    '@react-pdf/font',
    'pdf-lib',
    'hyphen',
    'mammoth',
    '@expo-google-fonts/noto-serif',
    '@expo-google-fonts/noto-sans',
    '@expo-google-fonts/noto-sans-kr',
  ],
}

export default withPayload(nextConfig, { devBundleServerPackages: false })
