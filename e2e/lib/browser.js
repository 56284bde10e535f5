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

/**
 * axe runs axe-core on the page at WCAG 2.2 AA and resolves to its results.
 * axe-core is evaluated through the DevTools protocol rather than added as
 * a <script>, which a page's Content-Security-Policy (the proof's) blocks.
 */
export async function axe(page) {
  if (!(await page.evaluate(() => typeof window.axe === 'object'))) {
    await page.evaluate(axeSource);
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

/**
 * tabThrough presses Tab until focus leaves the page or comes back round
 * (at most max times), and resolves to one entry per focused element: what
 * it is, whether its focused look differs from its unfocused look (WCAG
 * 2.4.7), and whether the element on top at its first box is it (WCAG
 * 2.4.11: not hidden under a sticky header, say).
 */
export async function tabThrough(page, max = 80) {
  // Start from the top of the page, as after loading it: focus a
  // throw-away element before everything else, and drop it after one Tab.
  await page.evaluate(() => {
    const start = document.createElement('span');
    start.tabIndex = -1;
    start.id = 'e2e-tab-start';
    document.body.prepend(start);
    start.focus();
    window.scrollTo(0, 0);
  });
  const stops = [];
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    if (i === 0) await page.evaluate(() => document.getElementById('e2e-tab-start')?.remove());
    const stop = await page.evaluate((i) => {
      const el = document.activeElement;
      if (!el || el === document.body || el.hasAttribute('data-e2e-tab')) return null;
      el.setAttribute('data-e2e-tab', String(i));
      const cs = getComputedStyle(el);
      const look = [cs.outlineStyle, cs.outlineWidth, cs.outlineColor, cs.boxShadow, cs.backgroundColor, cs.color, cs.textDecorationLine, cs.borderColor].join('|');
      const box = el.getClientRects()[0] ?? el.getBoundingClientRect();
      const x = Math.min(Math.max(box.left + Math.min(box.width / 2, 8), 0), innerWidth - 1);
      const y = Math.min(Math.max(box.top + box.height / 2, 0), innerHeight - 1);
      const hit = document.elementFromPoint(x, y);
      const inView = box.bottom > 0 && box.top < innerHeight && box.right > 0 && box.left < innerWidth && box.width > 0 && box.height > 0;
      let name = el.tagName.toLowerCase();
      if (el.id) name += `#${el.id}`;
      const text = (el.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 40);
      return { i, name: `${name}${el.getAttribute('href') ? `[href="${el.getAttribute('href')}"]` : ''} ${JSON.stringify(text)}`, look, inView, onTop: !!hit && (el === hit || el.contains(hit) || hit.contains(el)) };
    }, i);
    if (!stop) break;
    stops.push(stop);
  }
  const unfocused = await page.evaluate(() => {
    document.activeElement?.blur();
    const looks = {};
    for (const el of document.querySelectorAll('[data-e2e-tab]')) {
      const cs = getComputedStyle(el);
      looks[el.getAttribute('data-e2e-tab')] = [cs.outlineStyle, cs.outlineWidth, cs.outlineColor, cs.boxShadow, cs.backgroundColor, cs.color, cs.textDecorationLine, cs.borderColor].join('|');
      el.removeAttribute('data-e2e-tab');
    }
    return looks;
  });
  return stops.map((s) => ({ ...s, visible: s.look !== unfocused[s.i] }));
}

/**
 * printableWidth is the width in CSS px of paper of the given width (a CSS
 * length) less the left and right margins of the page's @page rule
 * (Chrome's default, 1 cm, when it has none), in print media.
 */
export function printableWidth(page, paper) {
  return page.evaluate((paper) => {
    let left = '1cm';
    let right = '1cm';
    const visit = (rules) => {
      for (const r of rules) {
        if (r instanceof CSSPageRule && !r.selectorText) {
          const m = r.style;
          left = m.marginLeft || m.marginInlineStart || left;
          right = m.marginRight || m.marginInlineEnd || right;
        } else if (r.cssRules && (!(r instanceof CSSMediaRule) || matchMedia(r.conditionText).matches)) {
          visit(r.cssRules);
        }
      }
    };
    for (const sheet of document.styleSheets) {
      try {
        visit(sheet.cssRules);
      } catch {
        // a sheet from elsewhere: not ours to read
      }
    }
    const probe = document.createElement('div');
    probe.style.cssText = `position:absolute;visibility:hidden;width:calc(${paper} - ${left} - ${right})`;
    document.body.append(probe);
    const width = probe.getBoundingClientRect().width;
    probe.remove();
    return Math.floor(width);
  }, paper);
}
