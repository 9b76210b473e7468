/**
 * Ends a run with its ten slowest files, to show where CI's minutes go. A file's time is its
 * setup (connecting, or waiting for the seeded base and starting its copy), its import and its
 * tests with their hooks.
 */
import { relative } from "node:path";
import type { Reporter, TestModule, Vitest } from "vitest/node";

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)}s`;

export default class SlowestFiles implements Reporter {
  private vitest!: Vitest;

  onInit(vitest: Vitest) {
    this.vitest = vitest;
  }

  onTestRunEnd(modules: ReadonlyArray<TestModule>) {
    const files = modules
      .map((module) => {
        const time = module.diagnostic();
        const setup = time.environmentSetupDuration + time.prepareDuration + time.setupDuration;
        return {
          name: `${module.project.name}  ${relative(this.vitest.config.root, module.moduleId)}`,
          total: setup + time.collectDuration + time.duration,
          parts: `setup ${seconds(setup)}, import ${seconds(time.collectDuration)}, tests ${seconds(time.duration)}`,
        };
      })
      .sort((a, b) => b.total - a.total)
      .slice(0, 10);
    if (!files.length) return;
    const width = Math.max(...files.map((file) => file.name.length));
    const lines = files.map((file) => `  ${seconds(file.total).padStart(7)}  ${file.name.padEnd(width)}  (${file.parts})`);
    this.vitest.logger.log(`\n The ${files.length} slowest files\n${lines.join("\n")}\n`);
  }
}
