#!/usr/bin/env node
// gwlint command client: the real @ai-sdk/azure, pinned in ./package.json (see README.md).
// Run by gwlint once per call: GWLINT_* environment in, one JSON result line out (last stdout line).
import * as ai from 'ai';
import * as azureModule from '@ai-sdk/azure';
import { createRequire } from 'node:module';
import { runAiSdk } from '../common/ai-sdk-adapter.mjs';

const require = createRequire(import.meta.url);
const version = (pkg) => {
  try {
    return require(`${pkg}/package.json`).version;
  } catch {
    return '?';
  }
};

await runAiSdk({ ai, azureModule, name: `@ai-sdk/azure@${version('@ai-sdk/azure')} ai@${version('ai')}` });
