using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using LlmPlatform.Domain.Common;

namespace LlmPlatform.Infrastructure.Providers.Common;

/// <summary>Reads OpenAI-style <c>data: {json}</c> events until <c>data: [DONE]</c>; an error event ends the stream with an error.</summary>
internal sealed class OpenAiEventReader<T> : IAsyncDisposable
    where T : class
{
    private readonly HttpResponseMessage _response;
    private readonly SseLineReader _reader;
    private readonly JsonTypeInfo<T> _type;
    private readonly string _provider;
    private bool _done;

    public OpenAiEventReader(HttpResponseMessage response, Stream body, JsonTypeInfo<T> type, string provider)
    {
        _response = response;
        _reader = new SseLineReader(body);
        _type = type;
        _provider = provider;
    }

    public async ValueTask<Result<T?>> ReadAsync(CancellationToken cancellationToken)
    {
        if (_done)
        {
            return Result<T?>.Success(null);
        }

        try
        {
            while (true)
            {
                if (!await _reader.ReadUtf8EventAsync(cancellationToken).ConfigureAwait(false))
                {
                    _done = true;
                    return UpstreamErrors.BadAnswer(_provider, "the stream ended without [DONE]");
                }

                var data = _reader.Data.Span;
                if (data.SequenceEqual("[DONE]"u8))
                {
                    _done = true;
                    return Result<T?>.Success(null);
                }

                if (_reader.EventName == "error" || data.StartsWith("{\"error\""u8))
                {
                    _done = true;
                    return new Error(ErrorKind.Upstream, "upstream_stream_error", $"{_provider} reported an error in the stream.", null, 502);
                }

                if (JsonSerializer.Deserialize(data, _type) is { } value)
                {
                    return value;
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
