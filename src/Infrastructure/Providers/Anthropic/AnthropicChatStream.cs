using System.Text.Json;
using LlmPlatform.Application.Gateway.Contracts;
using LlmPlatform.Domain.Common;
using LlmPlatform.Infrastructure.Providers.Common;

namespace LlmPlatform.Infrastructure.Providers.Anthropic;

/// <summary>
/// Translates the Messages API's Server-Sent Events (<c>message_start</c>, <c>content_block_*</c>,
/// <c>message_delta</c>, <c>message_stop</c>, <c>ping</c>, <c>error</c>) into OpenAI chunks.
/// </summary>
internal sealed class AnthropicChatStream : TranslatedChatStream
{
    private readonly SseLineReader _reader;
    private readonly Dictionary<int, int> _toolIndexByBlock = [];
    private long _inputTokens;
    private long _outputTokens;
    private string? _finishReason;

    public AnthropicChatStream(HttpResponseMessage response, Stream body, string provider, string model, TimeProvider time)
        : base(response, provider, model, time)
    {
        _reader = new SseLineReader(body);
    }

    protected override async ValueTask<Result<bool>> PumpAsync(CancellationToken cancellationToken)
    {
        if (!await _reader.ReadUtf8EventAsync(cancellationToken).ConfigureAwait(false))
        {
            return EndedEarly();
        }

        var data = JsonSerializer.Deserialize(_reader.Data.Span, AnthropicJsonContext.Default.AnthropicStreamEvent);
        switch (data?.Type ?? _reader.EventName)
        {
            case "message_start":
                if (data?.Message is { } message)
                {
                    Id = message.Id ?? Id;
                    _inputTokens = message.Usage?.PromptTokens ?? 0;
                    _outputTokens = message.Usage?.OutputTokens ?? 0;
                }

                EmitRole();
                break;
            case "content_block_start":
                if (data?.ContentBlock is { Type: "tool_use" } block)
                {
                    _toolIndexByBlock[data.Index ?? 0] = EmitToolCallStart(block.Id ?? string.Empty, block.Name ?? string.Empty);
                }
                else if (data?.ContentBlock is { Type: "text", Text: { } text })
                {
                    EmitText(text);
                }

                break;
            case "content_block_delta":
                if (data?.Delta is { Type: "text_delta", Text: { } delta })
                {
                    EmitText(delta);
                }
                else if (data?.Delta is { Type: "input_json_delta", PartialJson: { } json }
                    && _toolIndexByBlock.TryGetValue(data.Index ?? 0, out var toolIndex))
                {
                    EmitToolArguments(toolIndex, json);
                }

                break;
            case "message_delta":
                _finishReason = AnthropicAdapter.FinishReason(data?.Delta?.StopReason) ?? _finishReason;
                if (data?.Usage is { } usage)
                {
                    _outputTokens = usage.OutputTokens ?? _outputTokens;
                    if (usage.InputTokens is not null)
                    {
                        _inputTokens = usage.PromptTokens;
                    }
                }

                break;
            case "message_stop":
                EmitFinish(_finishReason ?? "stop");
                EmitUsage(Usage.Of(_inputTokens, _outputTokens));
                return false;
            case "error":
                var error = data?.Error;
                return new Error(
                    ErrorKind.Upstream,
                    error?.Type ?? "upstream_stream_error",
                    $"{Provider} reported an error in the stream: {error?.Message ?? "unknown error"}.",
                    null,
                    error?.Type == "overloaded_error" ? 529 : 502);
            default:
                break;
        }

        return true;
    }

    protected override void DisposeReader() => _reader.Dispose();
}
