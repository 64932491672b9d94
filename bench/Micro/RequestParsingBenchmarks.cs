using System.Text;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using LlmPlatform.Application.Gateway.Contracts;

namespace LlmPlatform.Micro;

/// <summary>Reading the client's request (source-generated JSON) and writing the OpenAI upstream body.</summary>
[MemoryDiagnoser]
public class RequestParsingBenchmarks
{
    private readonly byte[] _small = Encoding.UTF8.GetBytes(Samples.SmallRequest);
    private readonly byte[] _tools = Encoding.UTF8.GetBytes(Samples.ToolsRequest);
    private ChatCompletionRequest _parsedTools = null!;

    [GlobalSetup]
    public void Setup() => _parsedTools = JsonSerializer.Deserialize(_tools, GatewayJsonContext.Default.ChatCompletionRequest)!;

    [Benchmark]
    public ChatCompletionRequest? ParseSmallRequest() => JsonSerializer.Deserialize(_small, GatewayJsonContext.Default.ChatCompletionRequest);

    [Benchmark]
    public ChatCompletionRequest? ParseToolsRequest() => JsonSerializer.Deserialize(_tools, GatewayJsonContext.Default.ChatCompletionRequest);

    /// <summary>What the OpenAI adapter sends upstream: the request with the upstream model and streaming usage on.</summary>
    [Benchmark]
    public byte[] WriteOpenAiUpstreamBody() => JsonSerializer.SerializeToUtf8Bytes(
        _parsedTools with { Model = "gpt-4o-mini-2024-07-18", Metadata = null, Stream = true, StreamOptions = new StreamOptions { IncludeUsage = true } },
        GatewayJsonContext.Default.ChatCompletionRequest);
}
