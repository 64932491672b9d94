using LlmPlatform.Application.Gateway;
using LlmPlatform.Application.Gateway.Contracts;
using LlmPlatform.Domain.Common;
using LlmPlatform.Infrastructure.Providers.Common;

namespace LlmPlatform.Infrastructure.Providers.OpenAi;

/// <summary>Reads OpenAI's <c>data: {chunk}</c> events until <c>data: [DONE]</c>.</summary>
internal sealed class OpenAiChatStream : IChatCompletionStream
{
    private readonly OpenAiEventReader<ChatCompletionChunk> _events;

    public OpenAiChatStream(HttpResponseMessage response, Stream body, string provider)
    {
        _events = new OpenAiEventReader<ChatCompletionChunk>(response, body, ChatJson.Chunk, provider, static (chunk, json) => chunk.UpstreamJson = json);
    }

    public ValueTask<Result<ChatCompletionChunk?>> ReadAsync(CancellationToken cancellationToken) => _events.ReadAsync(cancellationToken);

    public ValueTask DisposeAsync() => _events.DisposeAsync();
}
