using LlmPlatform.Application.Gateway.Completions;
using LlmPlatform.Application.Gateway.Contracts;
using LlmPlatform.Domain.Common;
using LlmPlatform.Infrastructure.Providers.Common;

namespace LlmPlatform.Infrastructure.Providers.OpenAi;

/// <summary>Reads a legacy completions stream: <c>data: {text_completion}</c> events until <c>data: [DONE]</c>.</summary>
internal sealed class OpenAiTextStream : ITextCompletionStream
{
    private readonly OpenAiEventReader<TextCompletionResponse> _events;

    public OpenAiTextStream(HttpResponseMessage response, Stream body, string provider)
    {
        _events = new OpenAiEventReader<TextCompletionResponse>(response, body, GatewayJsonContext.Default.TextCompletionResponse, provider);
    }

    public ValueTask<Result<TextCompletionResponse?>> ReadAsync(CancellationToken cancellationToken) => _events.ReadAsync(cancellationToken);

    public ValueTask DisposeAsync() => _events.DisposeAsync();
}
