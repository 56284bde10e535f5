// The kinds of page the suite opens, and how each is found in the built
// output (SPEC §4) rather than by a hard-coded address. Where a kind has
// several pages, the largest file is taken: it exercises the most content.

import fs from 'node:fs';
import path from 'node:path';
import { repoRoot } from './cli.js';

export const taxonomies = ['branches', 'neighborhoods', 'audiences', 'tags'];

const isFile = (p) => fs.statSync(p, { throwIfNoEntry: false })?.isFile() ?? false;

/** pagesUnder lists {url, file, size} for every <dir>/<name>/index.html of a folder. */
function pagesUnder(root, dir, accept = () => true) {
  const base = path.join(root, dir);
  let names;
  try {
    names = fs.readdirSync(base, { withFileTypes: true });
  } catch {
    return [];
  }
  return names
    .filter((d) => d.isDirectory() && accept(d.name))
    .map((d) => ({ url: `/${dir ? dir + '/' : ''}${d.name}/`, file: path.join(base, d.name, 'index.html') }))
    .filter((p) => isFile(p.file))
    .map((p) => ({ ...p, size: fs.statSync(p.file).size }));
}

function largest(pages) {
  return [...pages].sort((a, b) => b.size - a.size || a.url.localeCompare(b.url))[0] ?? null;
}

function single(root, url) {
  const file = path.join(root, url.endsWith('/') ? url + 'index.html' : url);
  return isFile(file) ? { url, file } : null;
}

/** slugs lists the profile slugs of a built site. */
export function profileSlugs(root) {
  return pagesUnder(root, 'partnerships').map((p) => p.url.split('/')[2]).sort();
}

/**
 * kinds is every kind of page, in the order the suite opens them. build is
 * the build that holds it ('site', 'unapproved' or 'proof'); find(ctx)
 * returns {url, file} or null, with ctx = {site, unapproved, proof}, each
 * the folder of that output. paths, where given, are the addresses the
 * kind's pages live under: while a kind is pending, links there may be broken.
 */
export const kinds = [
  { id: 'home', label: 'home page', build: 'site', find: (c) => single(c.site, '/') },
  {
    id: 'profile', label: 'partnership profile', build: 'site',
    find: (c) => largest(pagesUnder(c.site, 'partnerships')),
  },
  {
    id: 'unapproved-profile', label: 'unapproved profile (--unapproved build)', build: 'unapproved',
    find: (c) => {
      const approved = new Set(profileSlugs(c.site));
      return largest(pagesUnder(c.unapproved, 'partnerships', (slug) => !approved.has(slug)));
    },
  },
  { id: 'partners', label: 'partners index (a table of each partner\'s figures)', build: 'site', find: (c) => single(c.site, '/partners/') },
  {
    id: 'partner', label: 'partner page (its ledger)', build: 'site',
    find: (c) => largest(pagesUnder(c.site, 'partners')),
  },
  {
    id: 'taxonomy', label: 'taxonomy index', build: 'site',
    find: (c) => taxonomies.map((t) => single(c.site, `/${t}/`)).find(Boolean) ?? null,
  },
  {
    id: 'term', label: 'taxonomy term', build: 'site',
    find: (c) => largest(taxonomies.flatMap((t) => pagesUnder(c.site, t))),
  },
  { id: 'reports', label: 'reports index', build: 'site', paths: ['/reports/'], find: (c) => single(c.site, '/reports/') },
  {
    id: 'annual-report', label: 'annual report', build: 'site', paths: ['/reports/'],
    find: (c) => largest(pagesUnder(c.site, 'reports', (n) => /^\d{4}(-\d{2})?$/.test(n))),
  },
  {
    id: 'content-page', label: 'content page', build: 'site',
    find: (c) => {
      let names = [];
      try {
        names = fs.readdirSync(path.join(repoRoot, 'content', 'pages')).filter((n) => n.endsWith('.md'));
      } catch {
        // no content pages in the sample site
      }
      return largest(names.map((n) => single(c.site, `/${n.slice(0, -3)}/`)).filter(Boolean)
        .map((p) => ({ ...p, size: fs.statSync(p.file).size })));
    },
  },
  { id: 'data', label: 'data page', build: 'site', paths: ['/data/'], find: (c) => single(c.site, '/data/') },
  {
    // Any missing address: the server answers with 404.html and status 404,
    // as a static host does, so the page must work at a nested path too.
    id: 'not-found', label: '404 page', build: 'site',
    find: (c) => (single(c.site, '/404.html') ? { url: '/no-such-page/here/', file: path.join(c.site, '404.html'), status: 404 } : null),
  },
  { id: 'proof', label: 'proof file', build: 'proof', find: (c) => (c.proof ? single(c.proof, '/proof.html') : null) },
  // The same kinds in the sample site's other languages: Arabic, written
  // right to left, and Spanish.
  { id: 'home-ar', label: 'home page in Arabic (right to left)', build: 'site', paths: ['/ar/'], find: (c) => single(c.site, '/ar/') },
  {
    id: 'profile-ar', label: 'partnership profile in Arabic', build: 'site', paths: ['/ar/'],
    find: (c) => largest(pagesUnder(c.site, 'ar/partnerships')),
  },
  {
    id: 'annual-report-es', label: 'annual report in Spanish', build: 'site', paths: ['/es/'],
    find: (c) => largest(pagesUnder(c.site, 'es/reports', (n) => /^\d{4}(-\d{2})?$/.test(n))),
  },
];
