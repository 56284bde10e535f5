// The Nu HTML Checker (npm vnu-jar), run with the machine's Java.

import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const require = createRequire(import.meta.url);
export const vnuJar = path.join(path.dirname(require.resolve('vnu-jar/package.json')), 'build', 'dist', 'vnu.jar');

/**
 * vnu checks every HTML file under paths (files or folders) and resolves to
 * {messages, stderr}: messages are the checker's errors, each with a file
 * path, line, column and message.
 */
export function vnu(paths, { java = process.env.JAVA ?? 'java' } = {}) {
  return new Promise((resolve, reject) => {
    const args = ['-Xss16m', '-jar', vnuJar, '--errors-only', '--format', 'json', '--skip-non-html', ...paths];
    const child = spawn(java, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => {
      // The JSON report goes to stderr.
      let report;
      try {
        report = JSON.parse(stderr);
      } catch {
        return reject(new Error(`vnu exited ${code} without a JSON report:\n${stdout}${stderr}`));
      }
      const messages = report.messages.map((m) => ({
        type: m.subType ? `${m.type}/${m.subType}` : m.type,
        file: m.url?.startsWith('file:') ? fileURLToPath(m.url) : m.url ?? '',
        line: m.lastLine ?? m.firstLine ?? 0,
        column: m.firstColumn ?? m.lastColumn ?? 0,
        message: m.message,
        extract: m.extract ?? '',
      }));
      resolve({ code, messages });
    });
  });
}

/** formatMessages prints messages as path:line:col: message, relative to base. */
export function formatMessages(messages, base) {
  return messages
    .map((m) => `  ${path.relative(base, m.file)}:${m.line}:${m.column}: ${m.type}: ${m.message}` +
      (m.extract ? `\n      ${m.extract.replace(/\s+/g, ' ').trim().slice(0, 160)}` : ''))
    .join('\n');
}
