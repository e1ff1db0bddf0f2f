// What a bundle's last build read, so that `--if-changed` can skip a build whose inputs are unchanged:
// `npm run build` runs before every CLI command, which must not rebundle the pages on every call.
import { readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';

/** Size and modification time of each file: what tells a changed input without reading it. */
async function stampOf(root, files) {
  const stamp = {};
  for (const file of files) {
    const { size, mtimeMs } = await stat(path.resolve(root, file));
    stamp[file] = `${size}:${mtimeMs}`;
  }
  return stamp;
}

/** True when the build stamped in `stampFile` read exactly the files it read then, unchanged. */
export async function upToDate(root, stampFile, mode) {
  try {
    const last = JSON.parse(await readFile(stampFile, 'utf8'));
    if (last.mode !== mode) return false;
    const now = await stampOf(root, Object.keys(last.inputs));
    return Object.entries(last.inputs).every(([file, value]) => now[file] === value);
  } catch {
    return false; // no stamp, or an input is gone
  }
}

/** Records what a build read (every esbuild input of `results`, plus `extra` files); write it last. */
export async function writeStamp(root, stampFile, mode, results, extra = []) {
  const inputs = new Set(extra.map((file) => path.relative(root, file)));
  for (const result of results)
    for (const file of Object.keys(result.metafile.inputs))
      if (!file.includes(':')) inputs.add(file); // skip virtual modules (dropped-css:…)
  await writeFile(stampFile, JSON.stringify({ mode, inputs: await stampOf(root, [...inputs]) }));
}
