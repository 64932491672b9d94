using System.Buffers;
using System.IO.Pipelines;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace LlmPlatform.Api.Streaming;

/// <summary>Writes Server-Sent Events straight into the response pipe and flushes each one.</summary>
internal sealed class SseWriter : IDisposable
{
    private static readonly byte[] DataPrefix = "data: "u8.ToArray();
    private static readonly byte[] EventEnd = "\n\n"u8.ToArray();
    private static readonly byte[] Done = "data: [DONE]\n\n"u8.ToArray();

    private readonly PipeWriter _pipe;
    private readonly Utf8JsonWriter _json;

    public SseWriter(HttpResponse response)
    {
        _pipe = response.BodyWriter;
        _json = new Utf8JsonWriter((IBufferWriter<byte>)_pipe, new JsonWriterOptions { SkipValidation = true });
    }

    public static void PrepareHeaders(HttpResponse response)
    {
        response.StatusCode = 200;
        response.ContentType = "text/event-stream; charset=utf-8";
        response.Headers.CacheControl = "no-cache";
        response.Headers["X-Accel-Buffering"] = "no";
    }

    public async ValueTask WriteAsync<T>(T value, JsonTypeInfo<T> typeInfo, CancellationToken cancellationToken)
    {
        _pipe.Write(DataPrefix);
        _json.Reset((IBufferWriter<byte>)_pipe);
        JsonSerializer.Serialize(_json, value, typeInfo);
        _json.Flush();
        _pipe.Write(EventEnd);
        await _pipe.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask WriteNamedAsync<T>(string eventName, T value, JsonTypeInfo<T> typeInfo, CancellationToken cancellationToken)
    {
        _pipe.Write(System.Text.Encoding.UTF8.GetBytes("event: " + eventName + "\n"));
        await WriteAsync(value, typeInfo, cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask WriteRawAsync(ReadOnlyMemory<byte> json, CancellationToken cancellationToken)
    {
        _pipe.Write(DataPrefix);
        _pipe.Write(json.Span);
        _pipe.Write(EventEnd);
        await _pipe.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask WriteDoneAsync(CancellationToken cancellationToken)
    {
        _pipe.Write(Done);
        await _pipe.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    public void Dispose() => _json.Dispose();
}
