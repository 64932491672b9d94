using System.Buffers;
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
    private readonly Action<T, ArraySegment<byte>>? _keepJson;
    private bool _done;

    /// <param name="keepJson">
    /// Given each value with a copy of the one-line JSON it was read from, in an array rented from the shared pool,
    /// for relaying it without serializing it again; not called for an event whose data spans lines (those bytes
    /// cannot be one SSE data line).
    /// </param>
    public OpenAiEventReader(HttpResponseMessage response, Stream body, JsonTypeInfo<T> type, string provider, Action<T, ArraySegment<byte>>? keepJson = null)
    {
        _response = response;
        _reader = new SseLineReader(body);
        _type = type;
        _provider = provider;
        _keepJson = keepJson;
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
                    if (_keepJson is not null && data.IndexOfAny((byte)'\n', (byte)'\r') < 0)
                    {
                        var copy = ArrayPool<byte>.Shared.Rent(data.Length);
                        data.CopyTo(copy);
                        _keepJson(value, new ArraySegment<byte>(copy, 0, data.Length));
                    }

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
