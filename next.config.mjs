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
    'hyphen',
    'mammoth',
    '@expo-google-fonts/noto-serif',
    '@expo-google-fonts/noto-sans',
    '@expo-google-fonts/noto-sans-kr',
  ],
}

const config = withPayload(nextConfig, { devBundleServerPackages: false })

// Payload turns Turbopack's server fast refresh off (it breaks the admin's hot reload) with
// experimental.turbopackServerFastRefresh = false, which `next dev` then lists at start as
// "Experiments (use with caution): ⨯ turbopackServerFastRefresh", read as an error. The
// same switch as a flag, `next dev --no-server-fast-refresh` (package.json, and the browser
// tests' server), prints nothing.
if (config.experimental) delete config.experimental.turbopackServerFastRefresh

export default config
