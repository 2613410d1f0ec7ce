import { writeFileSync } from 'node:fs';
import type { Compiler } from 'webpack';

/** Writes, per output chunk, its modules and their sizes (`WEAPP_STATS=<file> npm run build:weapp`). */
export class ModuleSizes {
  constructor(private readonly file: string) {}

  apply(compiler: Compiler): void {
    compiler.hooks.done.tap('ModuleSizes', (stats) => {
      const json = stats.toJson({ all: false, chunks: true, chunkModules: true, nestedModules: true, ids: true, moduleTrace: false });
      const chunks = (json.chunks ?? []).map((chunk) => ({
        files: chunk.files,
        modules: (chunk.modules ?? []).flatMap((m) => (m.modules && m.modules.length > 0 ? m.modules : [m])).map((m) => ({ name: m.name ?? m.identifier, size: m.size })).sort((a, b) => (b.size ?? 0) - (a.size ?? 0)),
      }));
      writeFileSync(this.file, JSON.stringify(chunks));
    });
  }
}
