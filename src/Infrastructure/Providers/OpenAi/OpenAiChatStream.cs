using System.Text.Json;
using LlmPlatform.Application.Gateway;
using LlmPlatform.Application.Gateway.Contracts;
using LlmPlatform.Domain.Common;
using LlmPlatform.Infrastructure.Providers.Common;

namespace LlmPlatform.Infrastructure.Providers.OpenAi;

/// <summary>Reads OpenAI's <c>data: {chunk}</c> events until <c>data: [DONE]</c>.</summary>
internal sealed class OpenAiChatStream : IChatCompletionStream
{
    private readonly HttpResponseMessage _response;
    private readonly SseLineReader _reader;
    private readonly string _provider;
    private bool _done;

    public OpenAiChatStream(HttpResponseMessage response, Stream body, string provider)
    {
        _response = response;
        _reader = new SseLineReader(body);
        _provider = provider;
    }

    public async ValueTask<Result<ChatCompletionChunk?>> ReadAsync(CancellationToken cancellationToken)
    {
        if (_done)
        {
            return Result<ChatCompletionChunk?>.Success(null);
        }

        try
        {
            while (true)
            {
                var next = await _reader.ReadEventAsync(cancellationToken).ConfigureAwait(false);
                if (next is null)
                {
                    _done = true;
                    return UpstreamErrors.BadAnswer(_provider, "the stream ended without [DONE]");
                }

                if (next.Data == "[DONE]")
                {
                    _done = true;
                    return Result<ChatCompletionChunk?>.Success(null);
                }

                if (next.Event == "error" || next.Data.StartsWith("{\"error\"", StringComparison.Ordinal))
                {
                    _done = true;
                    return new Error(ErrorKind.Upstream, "upstream_stream_error", $"{_provider} reported an error in the stream.", null, 502);
                }

                var chunk = JsonSerializer.Deserialize(next.Data, GatewayJsonContext.Default.ChatCompletionChunk);
                if (chunk is not null)
                {
                    return chunk;
                }
            }
        }
        catch (JsonException ex)
        {
            _done = true;
            return UpstreamErrors.BadAnswer(_provider, ex.Message);
        }
        catch (Exception ex) when (ex is IOException or HttpRequestException && !cancellationToken.IsCancellationRequested)
        {
            _done = true;
            return UpstreamErrors.ConnectionFailed(_provider, ex);
        }
    }

    public ValueTask DisposeAsync()
    {
        _reader.Dispose();
        _response.Dispose();
        return ValueTask.CompletedTask;
    }
}
