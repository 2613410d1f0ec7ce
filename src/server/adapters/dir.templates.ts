import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { DocumentTemplates } from '../ports/templates.port';

const NAME = /^[a-z][a-z_]{0,63}$/;

/**
 * Templates from a folder: config/templates locally, the copy `npm run build:cloud` puts beside each
 * deployed function (its `templates/`). The same plain files in both, so one adapter.
 */
export function dirTemplates(dir: string): DocumentTemplates {
  return {
    async read(name) {
      if (!NAME.test(name)) return null;
      try {
        return new Uint8Array(await readFile(path.join(dir, `${name}.docx`)));
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
        throw error;
      }
    },
  };
}
