using LlmPlatform.Application.Gateway;
using LlmPlatform.Application.Gateway.Contracts;
using LlmPlatform.Domain.Common;

namespace LlmPlatform.Infrastructure.Providers.Mock;

/// <summary>Streams the mock answer word by word at the configured pace, then a usage chunk.</summary>
internal sealed class MockChatStream : IChatCompletionStream
{
    private readonly ProviderCall _call;
    private readonly string[] _pieces;
    private readonly Usage _usage;
    private readonly TimeProvider _time;
    private readonly string _id = "chatcmpl-mock-" + Guid.NewGuid().ToString("N");
    private readonly long _created;
    private int _position = -1;

    public MockChatStream(ProviderCall call, string text, Usage usage, TimeProvider time)
    {
        _call = call;
        _usage = usage;
        _time = time;
        _created = time.GetUtcNow().ToUnixTimeSeconds();
        _pieces = SplitKeepingSpaces(text);
    }

    public async ValueTask<Result<ChatCompletionChunk?>> ReadAsync(CancellationToken cancellationToken)
    {
        var settings = _call.Deployment.Settings;
        _position++;
        if (_position == 0)
        {
            if (settings.MockTimeToFirstToken > TimeSpan.Zero)
            {
                await Task.Delay(settings.MockTimeToFirstToken, _time, cancellationToken).ConfigureAwait(false);
            }

            return Chunk(new ChatResponseMessage { Role = "assistant", Content = string.Empty }, null);
        }

        if (_position <= _pieces.Length)
        {
            if (settings.MockTokensPerSecond > 0 && _position > 1)
            {
                await Task.Delay(TimeSpan.FromSeconds(1 / settings.MockTokensPerSecond), _time, cancellationToken).ConfigureAwait(false);
            }

            return Chunk(new ChatResponseMessage { Content = _pieces[_position - 1] }, null);
        }

        if (_position == _pieces.Length + 1)
        {
            return Chunk(new ChatResponseMessage(), "stop");
        }

        if (_position == _pieces.Length + 2)
        {
            return new ChatCompletionChunk { Id = _id, Created = _created, Model = _call.Deployment.UpstreamModel, Choices = [], Usage = _usage };
        }

        return Result<ChatCompletionChunk?>.Success(null);
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private ChatCompletionChunk Chunk(ChatResponseMessage delta, string? finishReason) => new()
    {
        Id = _id,
        Created = _created,
        Model = _call.Deployment.UpstreamModel,
        Choices = [new ChunkChoice { Index = 0, Delta = delta, FinishReason = finishReason }],
    };

    private static string[] SplitKeepingSpaces(string text)
    {
        var pieces = new List<string>();
        var start = 0;
        for (var i = 1; i <= text.Length; i++)
        {
            if (i == text.Length || text[i] == ' ')
            {
                pieces.Add(text[start..i]);
                start = i;
            }
        }

        return pieces.ToArray();
    }
}
