/**
 * Raw request paths per bypass class. `signedOut` paths aim at signed-in routes (or dress a protected path up as
 * a public one); `member` paths aim at admin routes. Shared by the in-process suite and the next start matrix.
 */
export const bypassClasses: Record<string, { signedOut: string[]; member: string[] }> = {
  // Next matches static route names against the still-encoded path: these render the dynamic route beside the
  // public one (a root `[...rest]`, `app/api/[resource]`), never the public route (issue 15, finding 1).
  encodedPublicSpellings: {
    signedOut: ['/sign-%69n', '/%73ign-up', '/sign%2Din', '/sign-%69n/x/y', '/api/%70ublic', '/%61bout', '/abou%74/'],
    member: ['/sign-%69n/../admin', '/%61pi/admin', '/api/%70ublic/../admin'],
  },
  case: {
    signedOut: [
      '/DASHBOARD',
      '/Dashboard/x',
      '/ABOUT/../dashboard',
      '/About',
      '/API/ME',
      '/Api/Public/../me',
      '/ADMIN',
    ],
    member: ['/ADMIN', '/Admin', '/aDmIn/users', '/API/ADMIN', '/Api/Admin/x'],
  },
  singleEncoding: {
    signedOut: ['/%64ashboard', '/api/%6De', '/%61bout%2F..%2Fdashboard', '/api%2Fme', '/about%2Fx'],
    member: ['/%61dmin', '/%41DMIN', '/admin%2Fusers', '/api/%61dmin', '/api%2Fadmin', '/%61dmin/%75sers'],
  },
  doubleEncoding: {
    signedOut: [
      '/%2564ashboard',
      '/api/%256De',
      '/%2561bout',
      '/about%252F..%252Fdashboard',
      '/api/public%252F..%252Fme',
    ],
    member: ['/%2561dmin', '/%252561dmin', '/api/%2561dmin', '/admin%252Fx', '/%25%36%31dmin'],
  },
  dotSegments: {
    signedOut: [
      '/about/../dashboard',
      '/about/%2e%2e/dashboard',
      '/about/.%2e/api/me',
      '/api/public/%2e%2e/me',
      '/about/..%2fdashboard',
      '/about/..%5cdashboard',
      '/./dashboard',
      '/about/%252e%252e/dashboard',
      '/about/..;/dashboard',
    ],
    member: [
      '/about/../admin',
      '/dashboard/%2e%2e/admin',
      '/api/me/..%2fadmin',
      '/api/public/..%5c..%5capi%5cadmin',
      '/./admin/./x',
      // Next routes these under /admin (`..%2Fx` is one segment to it), whatever the dot segment resolves to.
      '/admin/..%2Fx',
      '/admin/reports/..%2F..%2Fq',
      '/admin/..%5Cx',
      '/admin/..%252Fx',
      '/api/admin/.%2E%2Fx',
    ],
  },
  controlAndLineSeparators: {
    signedOut: [
      '/dashboard%0A',
      '/dash%0Aboard',
      '/about%0A',
      '/about%00',
      '/%E2%80%A8about',
      '/about%E2%80%A9',
      '/api/public%0D%0A',
      '/api/public%09',
      '/%E2%80%8Babout',
      '/about%C2%85',
    ],
    member: [
      '/admin/%0A',
      '/admin%0A',
      '/ad%00min',
      '/admin%09',
      '/api/admin%0D%0A',
      '/admin/%E2%80%A8',
      '/admin%E2%80%A9',
      '/%E2%80%8Badmin',
      '/%EF%BB%BFadmin',
      '/admin%C2%A0',
      '/%EF%BD%81dmin',
    ],
  },
  trailingAndDoubleSlashes: {
    signedOut: [
      '/dashboard/',
      '/dashboard//',
      '//dashboard',
      '/about//',
      '//about/../dashboard',
      '/api//me',
      '/api/public//',
    ],
    member: ['/admin/', '/admin//', '//admin', '/api//admin', '/api/admin/', '///admin///x'],
  },
  fileExtensions: {
    signedOut: ['/dashboard/x.png', '/dashboard/report.csv', '/dashboard/page.html', '/dashboard.json', '/api/me.json'],
    member: [
      '/admin/x.png',
      '/admin/x.html',
      '/admin/report.csv',
      '/admin/app.js',
      '/admin/x.css',
      '/admin/x.txt',
      '/admin/favicon.ico',
      '/admin/doc.docx',
      '/admin/data.json',
      '/api/admin/data.json',
      '/admin/x.webmanifest',
    ],
  },
  nextData: {
    signedOut: [
      '/_next/data/build-1/dashboard.json',
      '/_next/data/x/api/me.json',
      '/_next/data/b/about/../dashboard.json',
    ],
    member: [
      '/_next/data/build-1/admin.json',
      '/_next/data/build-1/admin/users.json',
      '/_next/data/b/ADMIN.json',
      '/_next/data/b/admin%2Ejson',
    ],
  },
  rscTransport: {
    signedOut: ['/dashboard.rsc', '/dashboard.segments/_tree.segment.rsc', '/dashboard?_rsc=1a2b'],
    member: [
      '/admin.rsc',
      '/admin.segments/_tree.segment.rsc',
      '/admin/x.segments/__PAGE__.segment.rsc',
      '/admin?_rsc=abc',
      '/ADMIN.rsc',
      '/admin%2Ersc',
      '/admin%2ersc',
      '/admin%2Esegments/_tree%2Esegment%2Ersc',
      '/admin%2Ersc%20',
      '/admin.rsc%00',
      '/public%2Esegments/..%2Fadmin/x%2Esegment%2Ersc',
      '/admin.segments/..%2Fx.segment.rsc',
      '/admin.segments/..%2F_tree.segment.rsc',
      '/admin%20.rsc',
    ],
  },
};
