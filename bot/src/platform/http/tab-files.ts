import fs from 'node:fs';
import path from 'node:path';
import type { Request, Response } from 'restify';
import { sendError } from './http-error';

/** What Vite's build of the tab holds; anything else is sent as bytes. */
const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
};

/**
 * Answers a GET outside the API with the tab: a built file when the path names one, else the
 * tab's page, whose client-side routes show the view.
 */
export function tabFiles(tabDist: string) {
  const root = path.resolve(tabDist);
  const indexHtml = path.join(root, 'index.html');
  return (req: Request, res: Response): void => {
    if (!fs.existsSync(indexHtml)) {
      sendError(res, 404, 'TAB_NOT_BUILT', 'The tab has not been built: run `npm run build`.');
      return;
    }
    const file = path.join(root, path.normalize(req.path()));
    const isFile =
      file.startsWith(root + path.sep) && fs.statSync(file, { throwIfNoEntry: false })?.isFile();
    // Vite names built assets by content hash, so they never change; the page itself may.
    res.setHeader(
      'cache-control',
      isFile && req.path().startsWith('/assets/')
        ? 'public, max-age=31536000, immutable'
        : 'no-cache',
    );
    const served = isFile ? file : indexHtml;
    res.setHeader(
      'content-type',
      CONTENT_TYPES[path.extname(served)] ?? 'application/octet-stream',
    );
    res.sendRaw(200, fs.readFileSync(served));
  };
}
