// `nest build` (tsc) emits only JavaScript; the e-mail layout (markup only: its words are in the message
// catalogue, which the compiled code imports) is copied beside the compiled code of each app here. Run after `nest build api && nest build worker && nest build command`.
import { cpSync, existsSync, readdirSync, rmSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const assets = ['libs/domain/src/notifications/templates'];
const apps = ['api', 'worker', 'command'];

for (const asset of assets) {
  const source = join(root, asset);
  const files = readdirSync(source, { recursive: true }).length;
  for (const app of apps) {
    const compiled = join(root, 'dist/apps', app);
    if (!existsSync(compiled)) {
      console.error(`copy-assets: ${relative(root, compiled)} does not exist; run \`nest build ${app}\` first.`);
      process.exit(1);
    }
    const target = join(compiled, asset);
    rmSync(target, { recursive: true, force: true });
    cpSync(source, target, { recursive: true });
    console.log(`copy-assets: ${asset} (${files} entries) -> ${relative(root, target)}`);
  }
}
