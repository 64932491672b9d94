using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace LlmPlatform.FakeUpstream;

/// <summary>Maps every provider's routes. Each provider's wire format lives in its own class.</summary>
internal static class FakeRoutes
{
    public static void Map(IEndpointRouteBuilder app, Script script, FakeUpstreamOptions options)
    {
        var openAi = new OpenAiFake(script, options);
        app.MapPost("/v1/chat/completions", ctx => openAi.ChatAsync(ctx, Routes.OpenAiChat));
        app.MapPost("/chat/completions", ctx => openAi.ChatAsync(ctx, Routes.OpenAiChat));
        app.MapPost("/openai/deployments/{deployment}/chat/completions", ctx => openAi.ChatAsync(ctx, Routes.AzureChat));
        var anthropic = new AnthropicFake(script, options);
        app.MapPost("/v1/messages", ctx => anthropic.MessagesAsync(ctx));
        var gemini = new GeminiFake(script, options);
        app.MapPost("/v1beta/models/{action}", (HttpContext ctx, string action) => gemini.ModelsAsync(ctx, action));
        var ollama = new OllamaFake(script, options);
        app.MapPost("/api/chat", ctx => ollama.ChatAsync(ctx));
        var endpoints = new OpenAiEndpointsFake(script, options);
        app.MapPost("/v1/completions", ctx => endpoints.CompletionsAsync(ctx, Routes.OpenAiCompletions));
        app.MapPost("/v1/embeddings", ctx => endpoints.EmbeddingsAsync(ctx, Routes.OpenAiEmbeddings));
        app.MapPost("/openai/deployments/{deployment}/embeddings", ctx => endpoints.EmbeddingsAsync(ctx, Routes.AzureEmbeddings));
        app.MapPost("/v1/moderations", ctx => endpoints.ModerationsAsync(ctx, Routes.OpenAiModerations));
        app.MapPost("/v1/images/generations", ctx => endpoints.ImagesAsync(ctx, Routes.OpenAiImages));
        app.MapPost("/v1/rerank", ctx => endpoints.RerankAsync(ctx, Routes.OpenAiRerank));
        var cohere = new CohereFake(script, options);
        app.MapPost("/v2/rerank", ctx => cohere.RerankAsync(ctx, Routes.CohereRerank));
        var ollamaEmbed = new OllamaEmbedFake(script, options);
        app.MapPost("/api/embed", ctx => ollamaEmbed.EmbedAsync(ctx, Routes.OllamaEmbed));
        var bedrock = new BedrockFake(script, options);
        app.MapPost("/model/{modelId}/converse", ctx => bedrock.ConverseAsync(ctx, stream: false));
        app.MapPost("/model/{modelId}/converse-stream", ctx => bedrock.ConverseAsync(ctx, stream: true));
        var batches = new OpenAiBatchFake(script, options);
        var fineTuning = new FineTuningFake(script, options);

        // One files endpoint for both fakes: fine-tuning files go to the fine-tuning fake, the rest to the batch fake.
        app.MapPost("/v1/files", async ctx =>
        {
            var fineTune = ctx.Request.HasFormContentType
                && (await ctx.Request.ReadFormAsync(ctx.RequestAborted).ConfigureAwait(false))["purpose"] == "fine-tune";
            await (fineTune || !ctx.Request.HasFormContentType ? fineTuning.UploadAsync(ctx) : batches.UploadAsync(ctx)).ConfigureAwait(false);
        });
        app.MapGet("/v1/files/{id}/content", (HttpContext ctx, string id) => batches.ContentAsync(ctx, id));
        app.MapPost("/v1/batches", ctx => batches.CreateAsync(ctx));
        app.MapGet("/v1/batches/{id}", (HttpContext ctx, string id) => batches.GetAsync(ctx, id));
        app.MapPost("/v1/batches/{id}/cancel", (HttpContext ctx, string id) => batches.CancelAsync(ctx, id));
        app.MapGet("/", () => Results.Ok(new { status = "fake upstream" }));
        fineTuning.Map(app);
        new OtlpCollectorFake().Map(app);
    }
}
