using LlmPlatform.Application.Gateway.Contracts;
using LlmPlatform.Domain.Common;

namespace LlmPlatform.Application.Gateway.Completions;

/// <summary>A chat stream read as a legacy completion stream, with the echoed prompt first when asked for.</summary>
internal sealed class ChatTextStream : ITextCompletionStream
{
    private readonly IChatCompletionStream _chat;
    private string? _echo;

    public ChatTextStream(IChatCompletionStream chat, string echo)
    {
        _chat = chat;
        _echo = echo.Length > 0 ? echo : null;
    }

    public async ValueTask<Result<TextCompletionResponse?>> ReadAsync(CancellationToken cancellationToken)
    {
        var next = await _chat.ReadAsync(cancellationToken).ConfigureAwait(false);
        if (!next.IsSuccess)
        {
            return next.Error!;
        }

        if (next.Value is not { } chunk)
        {
            return Result<TextCompletionResponse?>.Success(null);
        }

        var text = ChatTranslation.FromChunk(chunk);
        if (_echo is { } echo && text.Choices.Count > 0)
        {
            _echo = null;
            text = text with { Choices = text.Choices.Select(c => c with { Text = echo + c.Text }).ToList() };
        }

        return text;
    }

    public ValueTask DisposeAsync() => _chat.DisposeAsync();
}
