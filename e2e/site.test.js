// End-to-end tests of alongside: build the sample site with the real command
// line (approved profiles only, and --unapproved), write a proof file, serve
// the output on 127.0.0.1, and open every kind of page in headless Chromium.
//
// Run: npm test --prefix e2e  (see README.md, "Browser tests").
// E2E_ARTIFACTS=<dir> moves the screenshots and PDFs (default e2e/artifacts);
// E2E_KEEP=1 keeps the built sites in the temporary folder it prints.

import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { alongside, describeRun, isUnknownCommand, repoRoot } from './lib/cli.js';
import { serve } from './lib/server.js';
import { kinds, profileSlugs } from './lib/kinds.js';
import { launch, guard, track, axe, formatViolations, overflow, printableWidth, isLocal, tabThrough } from './lib/browser.js';
import { vnu, formatMessages } from './lib/vnu.js';
import { pending } from './pending.js';

const e2eDir = path.dirname(fileURLToPath(import.meta.url));
const artifacts = path.resolve(process.env.E2E_ARTIFACTS || path.join(e2eDir, 'artifacts'));

const widths = { phone: { width: 375, height: 812 }, desktop: { width: 1280, height: 800 }, narrow: { width: 320, height: 640 } };

// Everything the set-up makes; tests read it.
const state = {
  error: null, // a set-up failure every test reports
  tmp: '',
  dirs: {}, // build name → folder
  servers: {}, // build name → {origin, log, close}
  runs: {}, // build name → CLI result
  proof: { registered: true, slug: '', run: null },
  pages: {}, // kind id → {url, file, status?}
  browser: null,
  js: null, // a context with JavaScript
  nojs: null, // a context without
};

function origin(kind) {
  return state.servers[kind.build].origin;
}

/**
 * need returns the page of a kind, or null after skipping the test when
 * the kind is pending; it throws when the site could not be set up or a
 * required kind is missing.
 */
function need(t, kind) {
  if (state.error) throw state.error;
  const page = state.pages[kind.id];
  if (page) return page;
  if (pending.has(kind.id)) {
    t.skip(`pending: ${kind.label}: ${pending.get(kind.id)}`);
    return null;
  }
  if (kind.id === 'proof' && !state.proof.registered) {
    throw new Error('`alongside proof` is not registered, and "proof" is not pending in e2e/pending.js');
  }
  if (kind.id === 'proof' && state.proof.run) throw new Error(describeRun(['proof', state.proof.slug], state.proof.run));
  throw new Error(`no ${kind.label} in the build: required (it is not pending in e2e/pending.js)`);
}

function htmlFiles(dir) {
  if (!dir || !fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { recursive: true })
    .filter((f) => f.endsWith('.html'))
    .map((f) => path.join(dir, f))
    .sort();
}

/** urlOf turns a built file into the address the server gives it. */
function urlOf(dir, file) {
  const rel = path.relative(dir, file).split(path.sep).join('/');
  return '/' + rel.replace(/(^|\/)index\.html$/, '$1');
}

// clippedCells lists the table cells (td, th) of the page whose content
// is wider than their box, or that stick out of their table's scrolling
// frame or the screen, so that part of it is cut off or scrolled out of
// sight: a reader on a phone would see "$7" for "$76,560". The charts'
// data tables are opened for the check; a header row hidden visually
// (kept for screen readers) is skipped.
async function clippedCells(page) {
  return page.evaluate(() => {
    const closed = [...document.querySelectorAll('details:not([open])')];
    for (const d of closed) d.open = true;
    try {
      const cells = [];
      let checked = 0;
      for (const el of document.querySelectorAll('td, th')) {
        const r = el.getBoundingClientRect();
        if (r.width <= 1 || r.height <= 1) continue;
        const hidden = el.closest('thead, caption');
        if (hidden && hidden.getBoundingClientRect().width <= 1) continue;
        checked++;
        // Cut off inside the cell, or the cell itself out of sight in a
        // table that scrolls inside its frame, or off the screen.
        const frame = el.closest('.table-wrap')?.getBoundingClientRect() ?? { left: 0, right: innerWidth };
        if (el.scrollWidth > el.clientWidth + 1 || r.right > Math.min(frame.right, innerWidth) + 1 || r.left < Math.max(frame.left, 0) - 1) {
          const table = el.closest('table');
          const where = table?.querySelector('caption')?.textContent.trim() || table?.id || 'a table';
          cells.push(`${where}: <${el.localName}${el.dataset.label ? ` data-label="${el.dataset.label}"` : ''}> "${el.textContent.trim().slice(0, 60)}": scrollWidth ${el.scrollWidth}, clientWidth ${el.clientWidth}, left ${Math.round(r.left)}, right ${Math.round(r.right)}`);
        }
      }
      return { cells, checked };
    } finally {
      for (const d of closed) d.open = false;
    }
  });
}

// The kinds of page that show charts (the ledger's: home, partner, report).
const chartKinds = new Set(['home', 'partner', 'annual-report', 'home-ar', 'annual-report-es']);

// chartText measures the text of every chart shown on the page, as
// drawn: each <text>'s font size in CSS px (its computed font size in
// the SVG's units times the SVG's scale, from getScreenCTM) and the
// height of its box, and it lists every label whose box overlaps another
// label's, a bar or a line of its chart (grid, axis, ticks, the 0 line).
async function chartText(page) {
  return page.evaluate(() => {
    const texts = [];
    const overlaps = [];
    const tol = 0.5; // px: rounding
    const hit = (a, b) => a.left < b.right - tol && b.left < a.right - tol && a.top < b.bottom - tol && b.top < a.bottom - tol;
    const rect = (el, pad = 0) => {
      const r = el.getBoundingClientRect();
      return { left: r.left - pad, right: r.right + pad, top: r.top - pad, bottom: r.bottom + pad };
    };
    for (const svg of document.querySelectorAll('svg.chart-svg')) {
      if (!svg.getClientRects().length) continue; // not shown
      const m = svg.getScreenCTM();
      const scale = Math.sqrt(Math.abs(m.a * m.d - m.b * m.c));
      const chart = svg.closest('figure')?.id ?? '?';
      const labels = [];
      for (const t of svg.querySelectorAll('text')) {
        const box = rect(t);
        const size = parseFloat(getComputedStyle(t).fontSize) * scale;
        texts.push({ chart, text: t.textContent, size, height: box.bottom - box.top });
        labels.push({ el: t, box, name: `"${t.textContent}"` });
      }
      const marks = [...svg.querySelectorAll('rect.chart-bar, line')].map((el) => ({
        box: rect(el, (parseFloat(el.getAttribute('stroke-width')) || 0) * scale / 2),
        name: el.localName === 'rect' ? 'a bar' : `a line (${el.getAttribute('class')})`,
      }));
      for (const [i, a] of labels.entries()) {
        for (const b of [...labels.slice(i + 1), ...marks]) {
          if (hit(a.box, b.box)) overlaps.push(`#${chart}: ${a.name} overlaps ${b.name}`);
        }
      }
    }
    return { texts, overlaps };
  });
}

describe('alongside in headless Chromium', { timeout: 20 * 60_000 }, () => {
  before(async () => {
    try {
      fs.mkdirSync(artifacts, { recursive: true });
      for (const f of fs.readdirSync(artifacts)) {
        if (/\.(png|pdf)$/.test(f)) fs.rmSync(path.join(artifacts, f));
      }
      state.tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'alongside-e2e-'));
      console.log(`# screenshots and PDFs: ${artifacts}`);
      console.log(`# built sites: ${state.tmp}${process.env.E2E_KEEP ? '' : ' (removed at the end; E2E_KEEP=1 keeps them)'}`);

      // Each build gets its own server, and is built with that server's
      // address as its base URL, so absolute links stay on this machine.
      for (const [name, flags] of [['site', []], ['unapproved', ['--unapproved']]]) {
        const dir = path.join(state.tmp, name === 'site' ? 'site' : 'site-unapproved');
        const server = await serve(dir);
        state.dirs[name] = dir;
        state.servers[name] = server;
        const args = ['build', '-d', dir, '--base-url', server.origin + '/', ...flags];
        const r = await alongside(args);
        state.runs[name] = r;
        if (r.code !== 0) throw new Error(describeRun(args, r));
        console.log(`# ${r.stdout.trim()}`);
      }

      const ctx = { site: state.dirs.site, unapproved: state.dirs.unapproved, proof: null };
      // The proof of an approved profile: the one the profile checks open.
      const profile = kinds.find((k) => k.id === 'profile').find(ctx);
      const proofDir = path.join(state.tmp, 'proof');
      fs.mkdirSync(proofDir);
      state.dirs.proof = proofDir;
      state.servers.proof = await serve(proofDir);
      if (profile) {
        state.proof.slug = profile.url.split('/')[2];
        const args = ['proof', state.proof.slug, '-o', path.join(proofDir, 'proof.html')];
        const r = await alongside(args);
        if (isUnknownCommand(r, 'proof')) {
          state.proof.registered = false;
          console.log('# `alongside proof` is not registered yet: the proof file checks are pending');
        } else if (r.code !== 0) {
          state.proof.run = r;
        } else {
          ctx.proof = proofDir;
        }
      }

      for (const kind of kinds) state.pages[kind.id] = kind.find(ctx);

      state.browser = await launch();
      state.js = await state.browser.newContext({ viewport: widths.desktop });
      state.nojs = await state.browser.newContext({ viewport: widths.desktop, javaScriptEnabled: false });
      for (const c of [state.js, state.nojs]) {
        c.offsite = await guard(c);
      }
    } catch (err) {
      state.error = err;
    }
  });

  after(async () => {
    await state.browser?.close();
    for (const s of Object.values(state.servers)) await s.close();
    if (state.tmp && !process.env.E2E_KEEP) fs.rmSync(state.tmp, { recursive: true, force: true });
    console.log(`# screenshots and PDFs are in ${artifacts}`);
  });

  it('builds the sample site, approved only and with --unapproved', () => {
    if (state.error) throw state.error;
    for (const name of ['site', 'unapproved']) {
      assert.ok(fs.existsSync(path.join(state.dirs[name], 'index.html')), `${name}: no index.html`);
    }
  });

  it('builds every required kind of page', (t) => {
    if (state.error) throw state.error;
    const missing = kinds.filter((k) => !state.pages[k.id] && !pending.has(k.id));
    const arrived = kinds.filter((k) => state.pages[k.id] && pending.has(k.id));
    for (const k of kinds) {
      const p = state.pages[k.id];
      t.diagnostic(`${k.label}: ${p ? p.url : pending.has(k.id) ? `pending (${pending.get(k.id)})` : 'MISSING'}`);
    }
    const problems = [
      ...missing.map((k) => `missing: ${k.label} (${k.id}) is required and was not built` +
        (k.id === 'proof' && !state.proof.registered ? ': `alongside proof` is not registered' : '') +
        (k.id === 'proof' && state.proof.run ? `\n${describeRun(['proof', state.proof.slug], state.proof.run)}` : '')),
      ...arrived.map((k) => `arrived: ${k.label} (${k.id}) is built now at ${state.pages[k.id].url}: delete its line from e2e/pending.js`),
    ];
    assert.equal(problems.length, 0, problems.join('\n'));
  });

  it('publishes only approved profiles; --unapproved adds the rest', () => {
    if (state.error) throw state.error;
    const states = {};
    const dir = path.join(repoRoot, 'content', 'partnerships');
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const file = entry.isDirectory() ? path.join(dir, entry.name, 'index.md') : path.join(dir, entry.name);
      if (!file.endsWith('.md') || !fs.existsSync(file)) continue;
      if (/\.[a-z]{2,3}(-[A-Za-z0-9]+)?\.md$/.test(entry.name)) continue; // a translation, not a profile
      const text = fs.readFileSync(file, 'utf8');
      const slug = text.match(/^slug\s*=\s*"([^"]+)"/m)?.[1] ?? entry.name.replace(/\.md$/, '');
      states[slug] = text.match(/^\[review\][^[]*?^state\s*=\s*"(\w+)"/ms)?.[1];
    }
    const approved = Object.keys(states).filter((s) => states[s] === 'approved').sort();
    assert.deepEqual(profileSlugs(state.dirs.site), approved, 'the approved build has the approved profiles only');
    assert.deepEqual(profileSlugs(state.dirs.unapproved), Object.keys(states).sort(), 'the --unapproved build has every profile');
    const banner = htmlFiles(state.dirs.site).filter((f) => /Not yet approved/i.test(fs.readFileSync(f, 'utf8')));
    assert.deepEqual(banner.map((f) => urlOf(state.dirs.site, f)), [], 'no "Not yet approved" banner in the approved build');
  });

  it('built pages have no <script> but JSON-LD, and that JSON-LD parses; a proof has one script, allowed by its CSP hash', () => {
    if (state.error) throw state.error;
    const bad = [];
    for (const dir of [state.dirs.site, state.dirs.unapproved, state.dirs.proof]) {
      for (const file of htmlFiles(dir)) {
        let html = fs.readFileSync(file, 'utf8');
        if (dir === state.dirs.proof) {
          // The proof's own script, and only it: its hash is the only
          // one the Content-Security-Policy allows.
          const scripts = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)];
          const csp = html.match(/<meta http-equiv="Content-Security-Policy" content="([^"]*)">/)?.[1] ?? '';
          const allowed = csp.match(/script-src ([^;]*)/)?.[1].trim().split(/\s+/) ?? [];
          const hashes = scripts.map((m) => `'sha256-${crypto.createHash('sha256').update(m[1]).digest('base64')}'`);
          if (scripts.length !== 1 || allowed.length !== 1 || hashes[0] !== allowed[0]) {
            bad.push(`${path.relative(state.tmp, file)}: ${scripts.length} scripts, hashes ${hashes.join(' ')}, script-src ${allowed.join(' ')}`);
          }
          html = html.replace(/<script>[\s\S]*?<\/script>/g, '');
        }
        for (const m of html.matchAll(/<script\b([^>]*)>/gi)) {
          const type = m[1].match(/\btype\s*=\s*["']?([^"'\s>]+)/i)?.[1]?.toLowerCase();
          if (type !== 'application/ld+json') bad.push(`${path.relative(state.tmp, file)}: ${m[0]}`);
        }
        for (const m of html.matchAll(/<[a-z][^>]*\son[a-z]+\s*=/gi)) bad.push(`${path.relative(state.tmp, file)}: inline handler ${m[0].slice(0, 80)}`);
        for (const m of html.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/gi)) {
          try {
            JSON.parse(m[1]);
          } catch (err) {
            bad.push(`${path.relative(state.tmp, file)}: JSON-LD that does not parse: ${err.message}`);
          }
        }
      }
    }
    assert.deepEqual(bad, []);
  });

  it('Nu HTML Checker: no errors in any built HTML file (both builds and the proof)', { timeout: 5 * 60_000 }, async (t) => {
    if (state.error) throw state.error;
    const paths = [state.dirs.site, state.dirs.unapproved];
    if (state.pages.proof) paths.push(state.pages.proof.file);
    const files = paths.flatMap((p) => (p.endsWith('.html') ? [p] : htmlFiles(p)));
    const { messages } = await vnu(paths);
    t.diagnostic(`checked ${files.length} HTML files`);
    assert.ok(files.length > 0, 'no HTML files to check');
    if (messages.length) {
      const fileCount = new Set(messages.map((m) => m.file)).size;
      assert.fail(`${messages.length} errors in ${fileCount} of ${files.length} files:\n${formatMessages(messages, state.tmp)}`);
    }
  });

  for (const kind of kinds) {
    describe(kind.label, () => {
      let page; // in the context with JavaScript, loaded once
      let net;
      let response;
      let url;

      before(async () => {
        const target = state.pages[kind.id];
        if (state.error || !target) return;
        url = origin(kind) + target.url;
        page = await state.js.newPage();
        net = track(page);
        response = await page.goto(url, { waitUntil: 'load' });
      });
      after(() => page?.close());

      it(`answers with status ${kind.id === 'not-found' ? 404 : 200}`, (t) => {
        const target = need(t, kind);
        if (!target) return;
        assert.equal(response.status(), target.status ?? 200, url);
      });

      for (const [name, size] of [['1280', widths.desktop], ['375', widths.phone]]) {
        it(`axe-core: no WCAG 2.2 AA violations at ${name} px`, async (t) => {
          if (!need(t, kind)) return;
          await page.setViewportSize(size);
          const { violations } = await axe(page);
          assert.equal(violations.length, 0, `${violations.length} axe violations on ${url} at ${name} px:\n${formatViolations(violations)}`);
        });
      }

      it('no horizontal scrolling at 320 px', async (t) => {
        if (!need(t, kind)) return;
        await page.setViewportSize(widths.narrow);
        const o = await overflow(page);
        assert.ok(o.scrollWidth <= o.clientWidth,
          `${url} scrolls sideways at 320 px: scrollWidth ${o.scrollWidth} > clientWidth ${o.clientWidth}; sticking out:\n  ${o.culprits.join('\n  ')}`);
      });

      for (const [name, size] of [['375', widths.phone], ['320', widths.narrow]]) {
        it(`no table cell's content clipped at ${name} px (tables restack into cards)`, async (t) => {
          if (!need(t, kind)) return;
          await page.setViewportSize(size);
          const clipped = await clippedCells(page);
          t.diagnostic(`${clipped.checked} cells checked`);
          assert.deepEqual(clipped.cells, [], `cells of ${url} whose content is cut off at ${name} px`);
        });
      }

      for (const [name, size] of [['320', widths.narrow], ['375', widths.phone], ['1280', widths.desktop]]) {
        it(`charts at ${name} px: no text under 12 px, no label over another, a bar or a line`, async (t) => {
          if (!need(t, kind)) return;
          await page.setViewportSize(size);
          const { texts, overlaps } = await chartText(page);
          t.diagnostic(`${texts.length} chart texts${texts.length ? `, the smallest ${Math.min(...texts.map((x) => x.size)).toFixed(2)} px` : ''}`);
          if (chartKinds.has(kind.id)) assert.ok(texts.length > 0, `no chart text on ${url}: this kind of page shows charts`);
          const small = texts.filter((x) => x.size < 12 || x.height < 12)
            .map((x) => `#${x.chart}: "${x.text}" is ${x.size.toFixed(2)} px (its box ${x.height.toFixed(2)} px high)`);
          assert.deepEqual(small, [], `chart text under 12 px on ${url} at ${name} px`);
          assert.deepEqual(overlaps, [], `chart labels overlapping on ${url} at ${name} px`);
        });
      }

      for (const [name, size] of [['1280', widths.desktop], ['375', widths.phone]]) {
        it(`keyboard at ${name} px: a skip link first, then every stop visibly focused and not hidden`, async (t) => {
          if (!need(t, kind)) return;
          await page.setViewportSize(size);
          const stops = await tabThrough(page);
          if (kind.id !== 'proof') {
            assert.ok(stops.length > 0, 'Tab reaches nothing');
            assert.match(stops[0].name, /^a\[href="#[^"]+"\]/, `the first Tab stop is a skip link, not ${stops[0].name}`);
            const target = stops[0].name.match(/href="#([^"]+)"/)[1];
            assert.ok(await page.evaluate((id) => {
              const el = document.getElementById(id);
              return !!el && (!!el.closest('main, [role=main]') || !!el.querySelector('main'));
            }, target), `the skip link's target #${target} is the main content`);
          }
          const bad = stops.filter((s) => !s.visible || !s.inView || !s.onTop)
            .map((s) => `${s.name}:${s.visible ? '' : ' no visible focus indicator'}${s.inView ? '' : ' off screen'}${s.inView && !s.onTop ? ' covered by another element' : ''}`);
          t.diagnostic(`${stops.length} Tab stops`);
          assert.deepEqual(bad, [], 'Tab stops');
        });
      }

      it('screenshots at 375 px and 1280 px', async (t) => {
        if (!need(t, kind)) return;
        for (const [name, size] of [['375', widths.phone], ['1280', widths.desktop]]) {
          await page.setViewportSize(size);
          const file = path.join(artifacts, `${kind.id}-${name}.png`);
          await page.screenshot({ path: file, fullPage: true });
          t.diagnostic(file);
        }
      });

      it('usable without JavaScript', async (t) => {
        const target = need(t, kind);
        if (!target) return;
        const p = await state.nojs.newPage();
        try {
          const r = await p.goto(url, { waitUntil: 'load' });
          assert.equal(r.status(), target.status ?? 200);
          assert.equal(await p.locator('main').count(), 1, 'one <main>');
          const text = (await p.locator('main').innerText()).trim();
          assert.ok(text.length >= 40, `<main> has hardly any text without JavaScript: ${JSON.stringify(text)}`);
          assert.ok(await p.locator('h1').count() >= 1, 'a heading <h1>');
          if (kind.id === 'proof') return;
          const nav = await p.locator('nav a[href]').evaluateAll((as) => as.map((a) => a.href));
          assert.ok(nav.length > 0, 'navigation links in a <nav>');
          // The home page of the page's language.
          const home = origin(kind) + (target.url.match(/^\/(es|ar)\//)?.[0] ?? '/');
          assert.ok((await p.locator('a[href]').evaluateAll((as) => as.map((a) => a.href))).includes(home), `a link home (${home})`);
          // Every link to this site leads to a page.
          const links = await p.locator('a[href]').evaluateAll((as) => as.map((a) => a.href));
          const broken = [];
          for (const link of new Set(links.map((l) => l.replace(/#.*$/, '')))) {
            if (!link.startsWith(origin(kind) + '/') || link === url) continue;
            const res = await fetch(link);
            await res.arrayBuffer();
            if (res.status === 200) continue;
            const where = new URL(link).pathname;
            const waiting = kinds.find((k) => pending.has(k.id) && k.paths?.some((p) => where.startsWith(p)));
            if (waiting) t.diagnostic(`${res.status} ${link}: a link to ${waiting.label}, which is pending`);
            else broken.push(`${res.status} ${link}`);
          }
          assert.deepEqual(broken, [], 'broken links');
        } finally {
          await p.close();
        }
      });

      if (kind.id === 'unapproved-profile') {
        it('shows the "Not yet approved by <partner>" banner', async (t) => {
          if (!need(t, kind)) return;
          const text = await page.locator('body').innerText();
          assert.match(text, /Not yet approved by \S/);
        });
      }
      if (kind.id === 'profile') {
        it('shows no "Not yet approved" banner', async (t) => {
          if (!need(t, kind)) return;
          assert.doesNotMatch(await page.locator('body').innerText(), /Not yet approved/i);
        });
      }
      if (kind.id === 'proof') {
        it('says "Proof — not yet published" and loads nothing but itself', async (t) => {
          if (!need(t, kind)) return;
          assert.match(await page.locator('body').innerText(), /Proof\s*[—–-]\s*not yet published/i);
          const loaded = net.requests.filter((u) => !u.startsWith('data:'));
          assert.deepEqual(loaded, [url], 'a proof is self-contained');
        });
      }
      if (kind.id === 'annual-report') {
        it('prints to PDF on A4 and Letter without cutting off the page', async (t) => {
          if (!need(t, kind)) return;
          await page.emulateMedia({ media: 'print' });
          try {
            for (const format of ['A4', 'Letter']) {
              const file = path.join(artifacts, `${kind.id}-${format}.pdf`);
              const pdf = await page.pdf({ path: file, format });
              assert.equal(pdf.subarray(0, 5).toString(), '%PDF-');
              t.diagnostic(file);
            }
            // Chrome shrinks a printed page that is wider than the paper,
            // all of it, text included: lay the page out as wide as A4 and
            // Letter less the stylesheet's @page margins, and nothing may
            // stick out.
            const wide = [];
            for (const paper of ['210mm', '8.5in']) {
              const width = await printableWidth(page, paper);
              await page.setViewportSize({ width, height: 1000 });
              const o = await overflow(page);
              if (o.scrollWidth > o.clientWidth) {
                wide.push(`${paper} paper, ${width} px printable: the page is ${o.scrollWidth} px wide, so it prints at ${Math.round(100 * width / o.scrollWidth)}%; sticking out:\n  ${o.culprits.join('\n  ')}`);
              }
            }
            assert.deepEqual(wide, [], 'printed, the report is wider than the paper');
          } finally {
            await page.emulateMedia({ media: null });
          }
        });
      }

      // Last, after every viewport and print change above has had its say.
      it('no request leaves localhost, and nothing it loads is missing', async (t) => {
        if (!need(t, kind)) return;
        const away = net.requests.filter((u) => !isLocal(u));
        assert.deepEqual(away, [], 'requests to other hosts');
        const broken = net.broken.filter((b) => !(kind.id === 'not-found' && b === `404 ${url}`));
        assert.deepEqual(broken, [], 'failed local requests');
      });
    });
  }

  it('every page: no axe-core WCAG 2.2 AA violations at 1280 px, no sideways scrolling at 320 px, fits A4 paper printed',
    { timeout: 10 * 60_000 }, async (t) => {
      if (state.error) throw state.error;
      // Every page of the approved build, and the pages only the
      // --unapproved build has (the rest differ only in their lists).
      const targets = htmlFiles(state.dirs.site).map((f) => ['site', urlOf(state.dirs.site, f)]);
      const seen = new Set(targets.map(([, u]) => u));
      for (const f of htmlFiles(state.dirs.unapproved)) {
        const u = urlOf(state.dirs.unapproved, f);
        if (!seen.has(u)) targets.push(['unapproved', u]);
      }
      const page = await state.js.newPage();
      const net = track(page);
      const violations = new Map(); // one entry per rule and element, with the pages it is on
      const sideways = [];
      const printed = [];
      try {
        for (const [name, u] of targets) {
          const where = name === 'site' ? u : `${u} (--unapproved)`;
          await page.setViewportSize(widths.desktop);
          await page.goto(state.servers[name].origin + u, { waitUntil: 'load' });
          for (const v of (await axe(page)).violations) {
            for (const n of v.nodes) {
              const key = `${v.id} ${n.target.join(' ')} ${n.html}`;
              if (!violations.has(key)) violations.set(key, { ...v, nodes: [n], pages: [] });
              violations.get(key).pages.push(where);
            }
          }
          await page.setViewportSize(widths.narrow);
          const o = await overflow(page);
          if (o.scrollWidth > o.clientWidth) {
            sideways.push(`${where}: ${o.scrollWidth} > ${o.clientWidth} px; sticking out:\n    ${o.culprits.join('\n    ')}`);
          }
          await page.emulateMedia({ media: 'print' });
          const a4 = await printableWidth(page, '210mm');
          await page.setViewportSize({ width: a4, height: 1000 });
          const po = await overflow(page);
          await page.emulateMedia({ media: null });
          if (po.scrollWidth > po.clientWidth) {
            printed.push(`${where}: ${po.scrollWidth} > ${a4} px, so it prints at ${Math.round(100 * a4 / po.scrollWidth)}%; sticking out:\n    ${po.culprits.join('\n    ')}`);
          }
        }
      } finally {
        await page.close();
      }
      t.diagnostic(`checked ${targets.length} pages`);
      const report = [...violations.values()].map((v) => formatViolations([v]) +
        `\n      on ${v.pages.length} page(s): ${v.pages.slice(0, 4).join(', ')}${v.pages.length > 4 ? ', …' : ''}`);
      assert.deepEqual(net.requests.filter((u) => !isLocal(u)), [], 'requests to other hosts');
      assert.equal(report.length + sideways.length + printed.length, 0,
        (report.length ? `axe violations (each element once):\n${report.join('\n')}\n` : '') +
        (sideways.length ? `scrolls sideways at 320 px:\n  ${sideways.join('\n  ')}\n` : '') +
        (printed.length ? `wider than A4 paper when printed (the browser shrinks all of it):\n  ${printed.join('\n  ')}` : ''));
    });

  describe('languages', () => {
    // The sample site is in English (at /), Spanish (/es/) and Arabic
    // (/ar/, right to left).
    it('every page links to itself in each language, and each of those pages exists', (t) => {
      if (state.error) throw state.error;
      const dir = state.dirs.site;
      const problems = [];
      let pages = 0;
      for (const file of htmlFiles(dir)) {
        const html = fs.readFileSync(file, 'utf8');
        const nav = html.match(/<nav class="languages"[^>]*>([\s\S]*?)<\/nav>/);
        const u = urlOf(dir, file);
        if (!nav) {
          problems.push(`${u}: no language switcher`);
          continue;
        }
        pages++;
        const links = [...nav[1].matchAll(/<a href="([^"]+)" hreflang="([^"]+)" lang="([^"]+)"( aria-current="true")?>/g)];
        const langs = links.map((m) => m[2]).join(' ');
        if (langs !== 'en es ar') problems.push(`${u}: switcher languages ${langs}`);
        const current = links.filter((m) => m[4]).map((m) => m[1]);
        if (current.length !== 1 || current[0] !== u) {
          problems.push(`${u}: the current language's link is ${current.join(', ') || 'missing'}`);
        }
        for (const [, href] of links) {
          const target = path.join(dir, href.endsWith('/') ? href + 'index.html' : href);
          if (!fs.existsSync(target)) problems.push(`${u}: switcher link ${href} leads nowhere`);
        }
      }
      t.diagnostic(`${pages} pages with a switcher`);
      assert.deepEqual(problems, []);
    });

    it('Arabic pages are right to left and mirrored; Spanish and English pages left to right', async (t) => {
      if (state.error) throw state.error;
      const page = await state.js.newPage();
      try {
        await page.setViewportSize(widths.desktop);
        for (const [u, lang, dir] of [['/', 'en', 'ltr'], ['/es/', 'es', 'ltr'], ['/ar/', 'ar', 'rtl']]) {
          await page.goto(state.servers.site.origin + u, { waitUntil: 'load' });
          const got = await page.evaluate(() => {
            const title = document.querySelector('.site-title').getBoundingClientRect();
            const main = document.querySelector('main h1').getBoundingClientRect();
            return { lang: document.documentElement.lang, dir: getComputedStyle(document.documentElement).direction, titleLeft: title.left, titleRight: title.right, h1Left: main.left, h1Right: main.right, width: innerWidth };
          });
          assert.equal(got.lang, lang, `${u}: lang`);
          assert.equal(got.dir, dir, `${u}: direction`);
          // Mirrored: the header's title and the page's heading start at
          // the right edge in Arabic, at the left edge otherwise.
          const startGap = dir === 'rtl' ? got.width - got.titleRight : got.titleLeft;
          const endGap = dir === 'rtl' ? got.titleLeft : got.width - got.titleRight;
          assert.ok(startGap < endGap, `${u}: the site title is not at the ${dir === 'rtl' ? 'right' : 'left'}: ${JSON.stringify(got)}`);
          const h1Start = dir === 'rtl' ? got.width - got.h1Right : got.h1Left;
          assert.ok(Math.abs(h1Start - startGap) < 40, `${u}: the heading does not start where the title does: ${JSON.stringify(got)}`);
        }
      } finally {
        await page.close();
      }
    });

    it('a page shown in English on the Arabic site says so, and marks its English text', async (t) => {
      if (state.error) throw state.error;
      const dir = state.dirs.site;
      const untranslated = htmlFiles(path.join(dir, 'ar', 'partnerships'))
        .map((f) => fs.readFileSync(f, 'utf8'))
        .filter((html) => html.includes('class="translation-note"'));
      assert.ok(untranslated.length > 0, 'no Arabic profile page falls back to English: the sample should show one');
      for (const html of untranslated) {
        assert.match(html, /<h1[^>]* lang="en"/, 'the English title is marked lang="en"');
      }
    });
  });

  describe('proof form', () => {
    // The partner answers on a phone: a few taps, then "Send my answers"
    // opens an email with every answer, numbered, which `alongside
    // answers` reads back.
    const corrections = fs.readFileSync(path.join(repoRoot, 'site.toml'), 'utf8').match(/^corrections\s*=\s*"mailto:([^"?]+)/m)?.[1];

    async function openProof(t, context) {
      const target = need(t, kinds.find((k) => k.id === 'proof'));
      if (!target) return null;
      const page = await context.newPage();
      await page.setViewportSize(widths.phone);
      await page.goto(state.servers.proof.origin + target.url, { waitUntil: 'load' });
      return page;
    }

    function bodyOf(href) {
      const u = new URL(href);
      assert.equal(u.protocol, 'mailto:');
      assert.equal(decodeURIComponent(u.pathname), corrections, 'the answers go to site.toml\'s corrections address');
      const q = new URLSearchParams(u.search);
      return { subject: q.get('subject'), body: q.get('body') };
    }

    async function answers(body, name) {
      const file = path.join(state.tmp, name);
      fs.writeFileSync(file, body);
      const args = ['answers', file];
      const r = await alongside(args);
      assert.equal(r.code, 0, describeRun(args, r));
      return r.stdout;
    }

    it('filled in, "Send my answers" is a mailto: with every answer, numbered, that alongside answers reads', async (t) => {
      const page = await openProof(t, state.js);
      if (!page) return;
      try {
        assert.ok(corrections, 'site.toml has a mailto: corrections address');
        assert.ok(await page.locator('#proof-send-link').isVisible(), '"Send my answers" is shown');
        const facts = await page.locator('fieldset[data-n]').evaluateAll((fs) => fs.map((f) => [f.dataset.n, f.dataset.label]));
        assert.ok(facts.length >= 5, `${facts.length} facts in the checklist`);
        await page.check('#fact-1-correct');
        // Typing what it should say is enough to mark "Needs a change".
        await page.locator('#fact-2-text').fill('A shorter summary.\nOn two lines.');
        await page.check('#fact-3-correct');
        await page.check('#decision-approve-changes');
        await page.fill('#proof-role', 'Board');
        await page.fill('#proof-comments', 'Thank you & see you soon?');
        assert.ok(await page.isChecked('#fact-2-change'), 'writing in the field marks "Needs a change"');
        const { subject, body } = bodyOf(await page.getAttribute('#proof-send-link', 'href'));
        assert.match(subject, /^Answers to the proof: /);
        const lines = body.split('\r\n');
        assert.equal(lines[1], `Profile: ${state.proof.slug}`);
        assert.match(lines[2], /^Version: sha256:[0-9a-f]{64}$/);
        assert.ok(lines.includes(`1. ${facts[0][1]}: correct`), body);
        assert.ok(lines.includes(`2. ${facts[1][1]}: needs a change`), body);
        assert.ok(lines.includes('   Should say: A shorter summary.'), body);
        assert.ok(lines.includes('   On two lines.'), body);
        assert.ok(lines.includes(`4. ${facts[3][1]}: no answer`), body);
        for (const [n, label] of facts) assert.ok(lines.some((l) => l.startsWith(`${n}. ${label}: `)), `fact ${n} is in the body`);
        assert.ok(lines.includes('Decision: approve with the changes'), body);
        assert.ok(lines.includes('Role: Board'), body);
        assert.ok(lines.includes('   Thank you & see you soon?'), body);
        assert.equal(lines.at(-1), 'End of answers');
        assert.equal(await page.inputValue('#proof-answers-text'), body.replaceAll('\r\n', '\n'), '"Copy my answers" copies the same text');

        const out = await answers(body, 'answers-changes.txt');
        assert.match(out, /should say: A shorter summary\./);
        assert.match(out, /Decision: approve with the changes/);
        assert.doesNotMatch(out, /alongside approve/);
      } finally {
        await page.close();
      }
    });

    it('every fact correct and "publish as it is": alongside answers prints the approve command', async (t) => {
      const page = await openProof(t, state.js);
      if (!page) return;
      try {
        for (const n of await page.locator('fieldset[data-n]').evaluateAll((fs) => fs.map((f) => f.dataset.n))) {
          await page.check(`#fact-${n}-correct`);
        }
        await page.check('#decision-approve');
        await page.fill('#proof-role', 'Board, the partner');
        const { body } = bodyOf(await page.getAttribute('#proof-send-link', 'href'));
        assert.doesNotMatch(body, /needs a change|no answer/);
        const out = await answers(body, 'answers-approve.txt');
        assert.match(out, new RegExp(`alongside approve ${state.proof.slug} --by "Board, the partner"`));
      } finally {
        await page.close();
      }
    });

    it('without JavaScript: no dead button, and the reply address is a mailto: link', async (t) => {
      const page = await openProof(t, state.nojs);
      if (!page) return;
      try {
        assert.ok(await page.locator('#proof-send').isHidden(), 'the send block stays hidden');
        const links = await page.locator('a[href^="mailto:"]').evaluateAll((as) => as.map((a) => a.href));
        assert.ok(links.some((l) => decodeURIComponent(new URL(l).pathname) === corrections), `a mailto: link to ${corrections}: ${links}`);
        assert.ok(await page.locator('#fact-1-correct').isVisible(), 'the checklist\'s choices are there to print');
      } finally {
        await page.close();
      }
    });
  });

  it('no request tried to leave the machine, from any page', (t) => {
    if (state.error) throw state.error;
    const all = [...new Set([...(state.js?.offsite ?? []), ...(state.nojs?.offsite ?? [])])];
    assert.deepEqual(all, [], 'blocked requests to other hosts');
  });
});
