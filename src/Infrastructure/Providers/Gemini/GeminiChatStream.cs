using System.Text.Json;
using LlmPlatform.Domain.Common;
using LlmPlatform.Infrastructure.Providers.Common;

namespace LlmPlatform.Infrastructure.Providers.Gemini;

/// <summary>
/// Translates <c>streamGenerateContent?alt=sse</c>: each event's data is a partial <c>GenerateContentResponse</c>;
/// the one with a <c>finishReason</c> is the last, and the body then ends.
/// </summary>
internal sealed class GeminiChatStream : TranslatedChatStream
{
    private readonly SseLineReader _reader;
    private GeminiUsageMetadata? _usage;
    private string? _finishReason;
    private bool _started;

    public GeminiChatStream(HttpResponseMessage response, Stream body, string provider, string model, TimeProvider time)
        : base(response, provider, model, time)
    {
        _reader = new SseLineReader(body);
    }

    protected override async ValueTask<Result<bool>> PumpAsync(CancellationToken cancellationToken)
    {
        if (!await _reader.ReadUtf8EventAsync(cancellationToken).ConfigureAwait(false))
        {
            if (_finishReason is null)
            {
                return EndedEarly();
            }

            EmitFinish(_finishReason);
            if (_usage is not null)
            {
                EmitUsage(_usage.ToUsage());
            }

            return false;
        }

        if (_reader.Data.Span.StartsWith("{\"error\""u8))
        {
            return new Error(ErrorKind.Upstream, "upstream_stream_error", $"{Provider} reported an error in the stream.", null, 502);
        }

        var piece = JsonSerializer.Deserialize(_reader.Data.Span, GeminiJsonContext.Default.GeminiResponse);
        if (piece is null)
        {
            return true;
        }

        if (!_started)
        {
            _started = true;
            Id = piece.ResponseId ?? Id;
            EmitRole();
        }

        _usage = piece.UsageMetadata ?? _usage;
        if (piece.Candidates is not { Count: > 0 } candidates)
        {
            if (piece.PromptFeedback?.BlockReason is not null)
            {
                _finishReason = "content_filter";
            }

            return true;
        }

        var candidate = candidates[0];
        foreach (var part in candidate.Content?.Parts ?? [])
        {
            if (part.FunctionCall is { } function)
            {
                var call = GeminiAdapter.ToolCallOf(function, null);
                EmitToolCallStart(call.Id!, call.Function!.Name!, call.Function.Arguments!);
            }
            else if (part.Text is { } text && part.Thought != true)
            {
                EmitText(text);
            }
        }

        _finishReason = GeminiAdapter.FinishReason(candidate.FinishReason, ToolCallCount > 0) ?? _finishReason;
        return true;
    }

    protected override void DisposeReader() => _reader.Dispose();
}
