using System.Text;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using LlmPlatform.Application.Gateway.Contracts;
using LlmPlatform.Infrastructure.Providers.OpenAi;

namespace LlmPlatform.Micro;

/// <summary>Reading the client's request (source-generated JSON), writing the OpenAI upstream body, reading its answer.</summary>
[MemoryDiagnoser]
public class RequestParsingBenchmarks
{
    private readonly byte[] _small = Encoding.UTF8.GetBytes(Samples.SmallRequest);
    private readonly byte[] _tools = Encoding.UTF8.GetBytes(Samples.ToolsRequest);
    private readonly byte[] _answer = Encoding.UTF8.GetBytes(Samples.Answer());
    private ChatCompletionRequest _parsedTools = null!;

    [GlobalSetup]
    public void Setup() => _parsedTools = JsonSerializer.Deserialize(_tools, GatewayJsonContext.Default.ChatCompletionRequest)!;

    [Benchmark]
    public ChatCompletionRequest? ParseSmallRequest() => JsonSerializer.Deserialize(_small, GatewayJsonContext.Default.ChatCompletionRequest);

    [Benchmark]
    public ChatCompletionRequest? ParseToolsRequest() => JsonSerializer.Deserialize(_tools, GatewayJsonContext.Default.ChatCompletionRequest);

    /// <summary>A whole OpenAI answer read by the one-pass reader, choices built.</summary>
    [Benchmark]
    public ChatCompletionResponse? ParseOpenAiAnswer() => JsonSerializer.Deserialize(_answer, ChatJson.Answer);

    /// <summary>The same answer as the OpenAI adapter reads it for relaying: choices checked, not built.</summary>
    [Benchmark]
    public ChatCompletionResponse? ParseOpenAiAnswerDeferred() => ChatJson.ReadAnswer(_answer);

    /// <summary>The same answer through the generated parser, for comparison.</summary>
    [Benchmark]
    public ChatCompletionResponse? ParseOpenAiAnswerGenerated() => JsonSerializer.Deserialize(_answer, GatewayJsonContext.Default.ChatCompletionResponse);

    /// <summary>What the OpenAI adapter sends upstream: the request with the upstream model and streaming usage on.</summary>
    [Benchmark]
    public byte[] WriteOpenAiUpstreamBody() => JsonSerializer.SerializeToUtf8Bytes(
        _parsedTools with { Model = "gpt-4o-mini-2024-07-18", Metadata = null, Stream = true, StreamOptions = new StreamOptions { IncludeUsage = true } },
        GatewayJsonContext.Default.ChatCompletionRequest);
}
