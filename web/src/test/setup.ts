import "@testing-library/jest-dom/vitest";
import { cleanup, configure } from "@solidjs/testing-library";
import { afterEach, vi } from "vitest";

// `findBy…`/`waitFor` wait up to 10 s (default 1 s): on a loaded machine a lazily loaded page
// may take longer than a second to import and render; a passing test never waits that long.
configure({ asyncUtilTimeout: 10_000 });

afterEach(() => {
  cleanup();
  localStorage.clear();
  // Files share their worker's page (isolate: false): nothing of one test's page outlives it.
  sessionStorage.clear();
  document.title = "";
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});
