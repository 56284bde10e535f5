// Headless Chromium from Debian's package, driven by playwright-core, and
// the checks the suite runs inside a page.

import { createRequire } from 'node:module';
import { chromium } from 'playwright-core';

const require = createRequire(import.meta.url);
const axeSource = require('axe-core').source;

export const executablePath = process.env.CHROMIUM ?? '/usr/bin/chromium';

// The flags of the issue. Playwright gives every launch a fresh, empty
// user-data dir of its own and removes it on close.
export const chromiumArgs = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
];

export function launch() {
  return chromium.launch({ executablePath, headless: true, args: chromiumArgs, timeout: 60_000 });
}

export const wcagTags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** isLocal tells whether a request URL stays on this machine. */
export function isLocal(url) {
  const u = new URL(url);
  if (u.protocol === 'data:' || u.protocol === 'about:' || u.protocol === 'blob:') return true;
  return ['127.0.0.1', 'localhost', '[::1]'].includes(u.hostname);
}

/**
 * guard makes a browser context refuse every request that would leave the
 * machine, and records each one (and each failed local response) in
 * the returned log, keyed by page.
 */
export async function guard(context) {
  const offsite = [];
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (isLocal(url)) return route.continue();
    offsite.push(url);
    return route.abort('blockedbyclient');
  });
  return offsite;
}

/**
 * track records every request a page makes and every local response
 * with an error status, so a test can assert on them.
 */
export function track(page) {
  const requests = [];
  const broken = [];
  page.on('request', (r) => requests.push(r.url()));
  page.on('response', (r) => {
    if (r.status() >= 400) broken.push(`${r.status()} ${r.url()}`);
  });
  return { requests, broken };
}

/** axe runs axe-core on the page at WCAG 2.2 AA and resolves to its results. */
export async function axe(page) {
  if (!(await page.evaluate(() => typeof window.axe === 'object'))) {
    await page.addScriptTag({ content: axeSource });
  }
  return page.evaluate(
    (values) => window.axe.run(document, { runOnly: { type: 'tag', values }, resultTypes: ['violations'] }),
    wcagTags,
  );
}

/** formatViolations lists each axe violation with its rule, help and nodes. */
export function formatViolations(violations) {
  return violations
    .map((v) => {
      const nodes = v.nodes
        .map((n) => `    at ${n.target.join(' ')}\n      ${n.html.replace(/\s+/g, ' ').slice(0, 200)}\n` +
          `      ${(n.failureSummary ?? '').replace(/\n\s*/g, '; ')}`)
        .join('\n');
      return `  ${v.id} (${v.impact}): ${v.help}\n    ${v.helpUrl}\n${nodes}`;
    })
    .join('\n');
}

/**
 * overflow measures horizontal scrolling and names the elements that stick
 * out to the right of the viewport (deepest first, at most 10).
 */
export function overflow(page) {
  return page.evaluate(() => {
    const de = document.documentElement;
    const width = de.clientWidth;
    const culprits = [];
    if (de.scrollWidth > width) {
      for (const el of document.body.querySelectorAll('*')) {
        const r = el.getBoundingClientRect();
        if (r.width === 0 || r.right <= width + 0.5) continue;
        if ([...el.children].some((c) => c.getBoundingClientRect().right > width + 0.5)) continue;
        let name = el.tagName.toLowerCase();
        if (el.id) name += `#${el.id}`;
        if (el.classList.length) name += `.${[...el.classList].join('.')}`;
        const text = (el.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 60);
        culprits.push(`${name} right=${Math.round(r.right)}px ${JSON.stringify(text)}`);
        if (culprits.length === 10) break;
      }
    }
    return { scrollWidth: de.scrollWidth, clientWidth: width, culprits };
  });
}
