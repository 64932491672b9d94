using System.Text;
using LlmPlatform.Application.Gateway.Contracts;
using LlmPlatform.Domain.Common;

namespace LlmPlatform.Application.Gateway.Completions;

/// <summary>Relays a started legacy completion stream and publishes its one usage event when it ends.</summary>
public sealed class GatewayTextStream : RelayedStream<TextCompletionResponse>
{
    private readonly ITextCompletionStream _inner;
    private readonly Func<GatewayTextStream, ValueTask> _onCompleted;
    private readonly StringBuilder _text = new();

    internal GatewayTextStream(ITextCompletionStream inner, Func<GatewayTextStream, ValueTask> onCompleted)
    {
        _inner = inner;
        _onCompleted = onCompleted;
    }

    public Usage? UpstreamUsage { get; private set; }

    public DateTimeOffset? FirstChunkAt { get; private set; }

    internal string CompletionText => _text.ToString();

    internal TimeProvider Time { get; init; } = TimeProvider.System;

    private protected override ValueTask<Result<TextCompletionResponse?>> ReadNextAsync(CancellationToken cancellationToken) =>
        _inner.ReadAsync(cancellationToken);

    private protected override void Observe(TextCompletionResponse chunk)
    {
        FirstChunkAt ??= Time.GetUtcNow();
        UpstreamUsage = chunk.Usage ?? UpstreamUsage;
        foreach (var choice in chunk.Choices)
        {
            _text.Append(choice.Text);
        }
    }

    private protected override ValueTask DisposeUpstreamAsync() => _inner.DisposeAsync();

    private protected override ValueTask SettleAsync() => _onCompleted(this);
}
