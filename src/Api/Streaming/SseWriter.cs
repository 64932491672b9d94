using System.Buffers;
using System.IO.Pipelines;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace LlmPlatform.Api.Streaming;

/// <summary>
/// Writes Server-Sent Events straight into the response pipe. The <c>Write</c> methods only buffer an event; the
/// <c>...Async</c> ones also flush it, as does <see cref="FlushAsync"/>.
/// </summary>
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

    /// <summary>Buffers <c>data: {value}</c> and its blank line; returns the bytes written.</summary>
    public int Write<T>(T value, JsonTypeInfo<T> typeInfo)
    {
        _pipe.Write(DataPrefix);
        _json.Reset((IBufferWriter<byte>)_pipe);
        JsonSerializer.Serialize(_json, value, typeInfo);
        _json.Flush();
        _pipe.Write(EventEnd);
        return DataPrefix.Length + (int)_json.BytesCommitted + EventEnd.Length;
    }

    /// <summary>
    /// Buffers <c>data: {json}</c> and its blank line in one piece of the pipe (each piece taken and handed back is a
    /// lock in the server's response writer); returns the bytes written.
    /// </summary>
    public int Write(ReadOnlySpan<byte> json)
    {
        var length = DataPrefix.Length + json.Length + EventEnd.Length;
        var span = _pipe.GetSpan(length);
        DataPrefix.CopyTo(span);
        json.CopyTo(span[DataPrefix.Length..]);
        EventEnd.CopyTo(span[(DataPrefix.Length + json.Length)..]);
        _pipe.Advance(length);
        return length;
    }

    public ValueTask<FlushResult> FlushAsync(CancellationToken cancellationToken) => _pipe.FlushAsync(cancellationToken);

    public async ValueTask WriteAsync<T>(T value, JsonTypeInfo<T> typeInfo, CancellationToken cancellationToken)
    {
        Write(value, typeInfo);
        await FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask WriteNamedAsync<T>(string eventName, T value, JsonTypeInfo<T> typeInfo, CancellationToken cancellationToken)
    {
        _pipe.Write(System.Text.Encoding.UTF8.GetBytes("event: " + eventName + "\n"));
        await WriteAsync(value, typeInfo, cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask WriteRawAsync(ReadOnlyMemory<byte> json, CancellationToken cancellationToken)
    {
        Write(json.Span);
        await FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask WriteDoneAsync(CancellationToken cancellationToken)
    {
        _pipe.Write(Done);
        await FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    public void Dispose() => _json.Dispose();
}
