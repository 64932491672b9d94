using BenchmarkDotNet.Attributes;
using LlmPlatform.Application.Gateway;
using LlmPlatform.Infrastructure.Tokens;

namespace LlmPlatform.Micro;

/// <summary>
/// Counting o200k_base tokens, what the gateway does when an upstream leaves usage out (a stream the client cut,
/// the mock provider, /v1/messages/count_tokens): a 1 KB English prompt and a code sample.
/// </summary>
[MemoryDiagnoser]
public class TokenCountingBenchmarks
{
    private readonly ITokenCounter _counter = new TiktokenCounter();
    private readonly string _prose = string.Concat(Enumerable.Repeat("The quick brown fox jumps over the lazy dog while 42 developers debate tabs versus spaces. ", 12));
    private readonly string _code = string.Concat(Enumerable.Repeat("def fibonacci(n):\n    if n <= 1:\n        return n\n    return fibonacci(n - 1) + fibonacci(n - 2)\n\n", 10));

    [GlobalSetup]
    public void Setup() => _counter.CountText("load the vocabulary");

    [Benchmark]
    public int Prose() => _counter.CountText(_prose);

    [Benchmark]
    public int Code() => _counter.CountText(_code);
}
