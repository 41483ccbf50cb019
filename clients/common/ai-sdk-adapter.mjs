// The AI SDK (`ai` + `@ai-sdk/azure`) adapter body, shared by clients/ai-sdk (2.0.x) and
// clients/ai-sdk-latest (current major). The caller imports the packages from its own
// node_modules and passes them in, so this file needs none.
//
// Calls the SDK the way the AI Gateway's Azure provider does: createAzure({...}) then
//   chat        generateText({ model: azure(deployment), prompt })
//   chat-stream streamText(...) and reads the full part stream (errors arrive as `error` parts)
//   embeddings  embed({ model: azure.embeddingModel|textEmbeddingModel(deployment), value })
// maxRetries is left at the SDK default.
//
// GWLINT_AI_SDK_API (adapter extension): `default` (azure(id), what the gateway calls; chat
// completions in 2.x, the Responses API from 3.x on), `chat` (azure.chat(id)) or `responses`.
import { log, realBaseUrl, resultFromError, runAdapter, vectorsText, describeCause } from './protocol.mjs';

export function runAiSdk({ ai, azureModule, name }) {
  return runAdapter(name, async (env, transport, extra) => {
    const { createAzure } = azureModule;
    const options = {
      baseURL: realBaseUrl(env),
      apiKey: env.apiKey,
      headers: env.headers,
      useDeploymentBasedUrls: env.useDeploymentUrls,
      fetch: transport.fetch,
    };
    if (env.apiVersion !== undefined) options.apiVersion = env.apiVersion;
    const azure = createAzure(options);
    const abortSignal = env.timeoutMs ? AbortSignal.timeout(env.timeoutMs) : undefined;
    const { call } = env;

    if (call.op === 'embeddings') {
      const factory = azure.embeddingModel ?? azure.textEmbeddingModel;
      try {
        const res = await ai.embed({ model: factory(env.deployment), value: call.input, abortSignal });
        const n = Array.isArray(res.embedding) ? 1 : 0;
        return { outcome: 'ok', status: transport.last()?.status ?? 200, error_code: '', text: vectorsText(n), message: '' };
      } catch (e) {
        log(`embed failed: ${describeCause(e)}`);
        return resultFromError(e, { transport, streaming: false, aborted: !!abortSignal?.aborted });
      }
    }

    const api = (process.env.GWLINT_AI_SDK_API || 'default').toLowerCase();
    const model = api === 'chat' ? azure.chat(env.deployment)
      : api === 'responses' ? azure.responses(env.deployment)
      : azure(env.deployment);
    extra.model_api = model.provider; // azure.chat | azure.responses
    log(`model: ${model.provider} (GWLINT_AI_SDK_API=${api})`);

    if (call.op === 'chat') {
      try {
        const res = await ai.generateText({ model, prompt: call.input, abortSignal });
        extra.finish_reason = res.finishReason;
        return { outcome: 'ok', status: transport.last()?.status ?? 200, error_code: '', text: res.text ?? '', message: '' };
      } catch (e) {
        log(`generateText failed: ${describeCause(e)}`);
        return resultFromError(e, { transport, streaming: false, aborted: !!abortSignal?.aborted });
      }
    }

    // chat-stream
    let text = '';
    let streamError;
    let finishReason;
    let sawFinish = false;
    try {
      const res = ai.streamText({
        model,
        prompt: call.input,
        abortSignal,
        onError: ({ error }) => log(`streamText onError: ${describeCause(error)}`),
      });
      const parts = res.stream ?? res.fullStream;
      for await (const part of parts) {
        switch (part.type) {
          case 'text-delta':
            text += part.text ?? part.textDelta ?? part.delta ?? '';
            break;
          case 'error':
            streamError ??= part.error;
            break;
          case 'abort':
            // The only abort source is GWLINT_TIMEOUT_MS: report the signal's reason (a TimeoutError).
            streamError ??= abortSignal?.reason ??
              Object.assign(new Error(`stream aborted${part.reason ? `: ${part.reason}` : ''}`), { name: 'AbortError' });
            break;
          case 'finish':
            sawFinish = true;
            finishReason = part.finishReason;
            if (part.rawFinishReason !== undefined) extra.raw_finish_reason = part.rawFinishReason ?? null;
            break;
          default:
            break;
        }
      }
    } catch (e) {
      streamError ??= e;
    }
    extra.finish_reason = finishReason ?? null;
    if (streamError) {
      log(`stream failed: ${describeCause(streamError)}`);
      return resultFromError(streamError, { transport, streaming: true, text, aborted: !!abortSignal?.aborted });
    }
    log(`stream finished: finishReason=${finishReason} sawFinish=${sawFinish} chars=${text.length}`);
    return { outcome: 'ok', status: transport.last()?.status ?? 200, error_code: '', text, message: '' };
  });
}
