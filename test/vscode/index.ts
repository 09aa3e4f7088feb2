import * as fs from 'fs';
import * as path from 'path';
import Mocha from 'mocha';

/**
 * Entry point of VS Code's extension test runner (the `extensionTestsPath` e2e/run.mjs passes): runs every
 * test/vscode/*.test.ts inside the real extension host. Settling the promise makes the workbench exit with 0 or 1.
 */
export function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 60_000 });
  for (const file of fs.readdirSync(__dirname).sort()) {
    if (file.endsWith('.test.js')) mocha.addFile(path.join(__dirname, file));
  }
  return new Promise((resolve, reject) => {
    const runner = mocha.run((failures) => {
      const { passes, pending } = runner.stats ?? { passes: 0, pending: 0 };
      const result = JSON.stringify({ passes, failures, pending });
      // The console reaches e2e/run.mjs through the workbench; this line is the machine-readable result.
      console.log(`__RESULT__ ${result}`);
      // e2e/electron.mjs reads it from a file: desktop VS Code's exit code alone cannot show that the suite ran.
      if (process.env.AMS_TEST_RESULT_FILE) fs.writeFileSync(process.env.AMS_TEST_RESULT_FILE, result);
      if (failures > 0) reject(new Error(`${failures} extension-host tests failed`));
      else resolve();
    });
  });
}
