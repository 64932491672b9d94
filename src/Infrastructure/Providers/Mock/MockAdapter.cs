using System.Text.Json;
using LlmPlatform.Application.Gateway;
using LlmPlatform.Application.Gateway.Contracts;
using LlmPlatform.Domain.Common;

namespace LlmPlatform.Infrastructure.Providers.Mock;

/// <summary>
/// The built-in <c>mock/</c> provider: a deterministic answer with configurable latency, time to first token and
/// tokens per second, so the demo and load tests need no network and no provider account.
/// </summary>
internal sealed class MockAdapter : IProviderAdapter
{
    private readonly ITokenCounter _tokens;
    private readonly TimeProvider _time;

    public MockAdapter(ITokenCounter tokens, TimeProvider time)
    {
        _tokens = tokens;
        _time = time;
    }

    public IReadOnlyCollection<string> Providers { get; } = ["mock"];

    public async ValueTask<Result<ChatCompletionResponse>> ChatAsync(ProviderCall call, CancellationToken cancellationToken)
    {
        var settings = call.Deployment.Settings;
        if (settings.MockLatency > TimeSpan.Zero)
        {
            await Task.Delay(settings.MockLatency, _time, cancellationToken).ConfigureAwait(false);
        }

        var text = Answer(call);
        var choices = new List<ChatChoice>();
        var n = call.Request.N ?? 1;
        for (var i = 0; i < n; i++)
        {
            choices.Add(new ChatChoice
            {
                Index = i,
                Message = new ChatResponseMessage { Role = "assistant", Content = text },
                FinishReason = "stop",
            });
        }

        var prompt = _tokens.CountPrompt(call.Request.Messages!);
        var completion = _tokens.CountText(text) * n;
        return new ChatCompletionResponse
        {
            Id = "chatcmpl-mock-" + Guid.NewGuid().ToString("N"),
            Created = _time.GetUtcNow().ToUnixTimeSeconds(),
            Model = call.Deployment.UpstreamModel,
            Choices = choices,
            Usage = Usage.Of(prompt, completion),
            SystemFingerprint = "fp_mock",
        };
    }

    public ValueTask<Result<IChatCompletionStream>> StreamChatAsync(ProviderCall call, CancellationToken cancellationToken)
    {
        var text = Answer(call);
        var prompt = _tokens.CountPrompt(call.Request.Messages!);
        var completion = _tokens.CountText(text);
        IChatCompletionStream stream = new MockChatStream(call, text, Usage.Of(prompt, completion), _time);
        return ValueTask.FromResult(Result<IChatCompletionStream>.Success(stream));
    }

    /// <summary>The configured <c>mock_response</c>, or a sentence built from the last user message.</summary>
    internal static string Answer(ProviderCall call)
    {
        if (call.Deployment.Settings.MockResponse is { } fixedAnswer)
        {
            return fixedAnswer;
        }

        var last = call.Request.Messages!.LastOrDefault(m => m.Role == "user");
        var prompt = last?.Content is { ValueKind: JsonValueKind.String } content ? content.GetString() ?? string.Empty : "your message";
        if (prompt.Length > 80)
        {
            prompt = prompt[..80];
        }

        return $"This is a mock answer from {call.Deployment.UpstreamModel}. You said: {prompt}";
    }
}
