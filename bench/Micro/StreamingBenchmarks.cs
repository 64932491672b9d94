using System.Buffers;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using LlmPlatform.Application.Gateway.Contracts;
using LlmPlatform.Infrastructure.Providers.Common;
using LlmPlatform.Infrastructure.Providers.OpenAi;

namespace LlmPlatform.Micro;

/// <summary>
/// The streamed path: parsing an upstream SSE body (53 events), turning each event into a chunk, and
/// writing one chunk back to the client as the SSE writer does.
/// </summary>
[MemoryDiagnoser]
public class StreamingBenchmarks
{
    private readonly byte[] _stream = Samples.Stream();
    private readonly string _chunkJson = Samples.Chunk(7);
    private readonly byte[] _chunkUtf8 = System.Text.Encoding.UTF8.GetBytes(Samples.Chunk(7));
    private readonly ArrayBufferWriter<byte> _buffer = new(4096);
    private Utf8JsonWriter _writer = null!;
    private ChatCompletionChunk _chunk = null!;

    [GlobalSetup]
    public void Setup()
    {
        _writer = new Utf8JsonWriter(_buffer, new JsonWriterOptions { SkipValidation = true });
        _chunk = JsonSerializer.Deserialize(_chunkJson, GatewayJsonContext.Default.ChatCompletionChunk)!;
    }

    [GlobalCleanup]
    public void Cleanup() => _writer.Dispose();

    /// <summary>Per whole stream: every event's data read by the SSE line reader.</summary>
    [Benchmark]
    public async Task<int> SseReadWholeStream()
    {
        using var reader = new SseLineReader(new MemoryStream(_stream, writable: false));
        var events = 0;
        while (await reader.ReadEventAsync(CancellationToken.None) is not null)
        {
            events++;
        }

        return events;
    }

    /// <summary>Per whole stream: SSE parsing plus one chunk object per event, as the OpenAI adapter reads upstream.</summary>
    [Benchmark]
    public async Task<int> OpenAiStreamReadWholeStream()
    {
        await using var stream = new OpenAiChatStream(new HttpResponseMessage(), new MemoryStream(_stream, writable: false), "openai");
        var chunks = 0;
        while ((await stream.ReadAsync(CancellationToken.None)).Value is not null)
        {
            chunks++;
        }

        return chunks;
    }

    /// <summary>One event's JSON, as the stream reads it (UTF-8), with the one-pass reader the OpenAI adapter uses.</summary>
    [Benchmark]
    public ChatCompletionChunk? ParseOneChunk() => JsonSerializer.Deserialize(_chunkUtf8, ChatJson.Chunk);

    /// <summary>The same with the generated parser, for comparison.</summary>
    [Benchmark]
    public ChatCompletionChunk? ParseOneChunkGenerated() => JsonSerializer.Deserialize(_chunkUtf8, GatewayJsonContext.Default.ChatCompletionChunk);

    /// <summary>One chunk serialized into a reused buffer, as the SSE writer does into the response pipe.</summary>
    [Benchmark]
    public int WriteOneChunk()
    {
        _buffer.ResetWrittenCount();
        _writer.Reset(_buffer);
        JsonSerializer.Serialize(_writer, _chunk, GatewayJsonContext.Default.ChatCompletionChunk);
        _writer.Flush();
        return _buffer.WrittenCount;
    }
}
