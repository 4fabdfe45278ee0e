// npm run docs:screenshots — the screenshots in docs/, taken from a production build on fresh demo
// data, with the same servers as the E2E suite (playwright.config.ts).
import { defineConfig } from "@playwright/test";
import e2e from "./playwright.config";

export default defineConfig({ ...e2e, testDir: "scripts/docs-screenshots", retries: 0, reporter: "list" });
