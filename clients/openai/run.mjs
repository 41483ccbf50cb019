#!/usr/bin/env node
// gwlint command client: the real `openai` package's AzureOpenAI, pinned in ./package.json
// (see README.md). Run by gwlint once per call: GWLINT_* environment in, one JSON result line out.
//
//   endpoint   = the base URL minus its trailing `/openai` segment (AzureOpenAI appends
//                `/openai` itself, then `/deployments/{deployment}/...` for model-scoped paths);
//                a base that does not end in `/openai` is given as `baseURL` unchanged.
//   chat        client.chat.completions.create({ model: deployment, messages })
//   chat-stream the same with stream: true, iterating the chunks
//   embeddings  client.embeddings.create({ model: deployment, input: [input] })
// maxRetries is left at the SDK default (2); `timeout` only when GWLINT_TIMEOUT_MS is set.
import { AzureOpenAI } from 'openai';
import { readFileSync } from 'node:fs';
import { log, realBaseUrl, resultFromError, runAdapter, vectorsText, describeCause } from '../common/protocol.mjs';

let version = '?';
try {
  // openai's package.json is not in its `exports`, so read it from node_modules directly.
  version = JSON.parse(readFileSync(new URL('./node_modules/openai/package.json', import.meta.url), 'utf8')).version;
} catch {}

await runAdapter(`openai@${version} AzureOpenAI`, async (env, transport, extra) => {
  const base = realBaseUrl(env);
  const options = {
    apiKey: env.apiKey,
    apiVersion: env.apiVersion,
    deployment: env.deployment,
    defaultHeaders: env.headers,
    fetch: transport.fetch,
  };
  const m = /^(.*?)\/openai\/*$/.exec(base);
  if (m) options.endpoint = m[1];
  else options.baseURL = base;
  if (env.timeoutMs) options.timeout = env.timeoutMs;
  if (!env.useDeploymentUrls) log('note: AzureOpenAI always uses deployment URLs (GWLINT_USE_DEPLOYMENT_URLS=false ignored)');
  log(`AzureOpenAI ${options.endpoint !== undefined ? `endpoint=${options.endpoint}` : `baseURL=${options.baseURL}`}`);

  const client = new AzureOpenAI(options);
  const { call } = env;

  if (call.op === 'embeddings') {
    try {
      const res = await client.embeddings.create({ model: env.deployment, input: [call.input] });
      const n = Array.isArray(res?.data) ? res.data.length : 0;
      return { outcome: 'ok', status: transport.last()?.status ?? 200, error_code: '', text: vectorsText(n), message: '' };
    } catch (e) {
      log(`embeddings.create failed: ${describeCause(e)}`);
      return resultFromError(e, { transport, streaming: false });
    }
  }

  const messages = [{ role: 'user', content: call.input }];
  if (call.op === 'chat') {
    try {
      const res = await client.chat.completions.create({ model: env.deployment, messages });
      const choice = res?.choices?.[0];
      extra.finish_reason = choice?.finish_reason ?? null;
      if (!choice) {
        return { outcome: 'error', status: transport.last()?.status ?? 200, error_code: 'invalid_response', text: '',
          message: 'no choices in the answer (the SDK itself did not complain)' };
      }
      return { outcome: 'ok', status: transport.last()?.status ?? 200, error_code: '', text: choice.message?.content ?? '', message: '' };
    } catch (e) {
      log(`chat.completions.create failed: ${describeCause(e)}`);
      return resultFromError(e, { transport, streaming: false });
    }
  }

  // chat-stream
  // openai's `timeout` only covers the wait for the response headers (fetchWithTimeout clears its
  // timer once fetch resolves), so a stream that stalls after its first events is not timed out by
  // the SDK (undici's 300 s bodyTimeout is what ends it). With GWLINT_TIMEOUT_MS the adapter adds
  // an idle timer of that length between chunks and aborts the stream through the SDK's controller;
  // the result line then says so in `message`.
  let text = '';
  let finishReason = null;
  let chunks = 0;
  let idleFired = false;
  let stream;
  try {
    stream = await client.chat.completions.create({ model: env.deployment, messages, stream: true });
    const it = stream[Symbol.asyncIterator]();
    while (true) {
      let timer;
      const next = it.next();
      const step = env.timeoutMs
        ? await Promise.race([next, new Promise((resolve) => {
          timer = setTimeout(() => resolve({ idle: true }), env.timeoutMs);
        })])
        : await next;
      clearTimeout(timer);
      if (step.idle) {
        idleFired = true;
        stream.controller.abort();
        next.catch(() => {});
        throw Object.assign(new Error(`no stream event for ${env.timeoutMs} ms; the adapter's idle timer aborted ` +
          `the stream (openai's own timeout does not cover the body)`), { name: 'TimeoutError' });
      }
      if (step.done) break;
      const chunk = step.value;
      chunks++;
      const choice = chunk?.choices?.[0];
      if (!choice) continue; // e.g. Azure's first chunk: choices [] + prompt_filter_results
      if (typeof choice.delta?.content === 'string') text += choice.delta.content;
      if (choice.finish_reason) finishReason = choice.finish_reason;
    }
  } catch (e) {
    extra.finish_reason = finishReason;
    if (idleFired) extra.adapter_idle_timeout = true;
    log(`stream failed after ${chunks} chunks: ${describeCause(e)}`);
    return resultFromError(e, { transport, streaming: true, text });
  }
  extra.finish_reason = finishReason;
  log(`stream finished: ${chunks} chunks, finish_reason=${finishReason}, chars=${text.length}`);
  return { outcome: 'ok', status: transport.last()?.status ?? 200, error_code: '', text, message: '' };
});
