using System.Text.Json;
using LlmPlatform.Domain.Common;
using LlmPlatform.Infrastructure.Providers.Common;

namespace LlmPlatform.Infrastructure.Providers.Bedrock;

/// <summary>
/// Translates ConverseStream's event-stream messages to OpenAI chunks: <c>messageStop</c> carries the finish
/// reason and <c>metadata</c>, the last event, the usage. Exception messages become error values.
/// </summary>
internal sealed class BedrockChatStream : TranslatedChatStream
{
    private readonly EventStreamReader _reader;
    private readonly Dictionary<int, int> _toolIndexByBlock = [];
    private bool _stopped;

    public BedrockChatStream(HttpResponseMessage response, Stream body, string provider, string model, TimeProvider time)
        : base(response, provider, model, time)
    {
        _reader = new EventStreamReader(body);
    }

    /// <summary>The status an exception of the stream stands for.</summary>
    public static int StatusOf(string? exceptionType) => exceptionType switch
    {
        "throttlingException" => 429,
        "serviceUnavailableException" => 503,
        "modelTimeoutException" => 408,
        "validationException" => 400,
        "accessDeniedException" => 403,
        "resourceNotFoundException" => 404,
        _ => 502,
    };

    protected override async ValueTask<Result<bool>> PumpAsync(CancellationToken cancellationToken)
    {
        var (message, malformed) = await _reader.ReadAsync(cancellationToken).ConfigureAwait(false);
        if (malformed is not null)
        {
            return UpstreamErrors.BadAnswer(Provider, malformed);
        }

        if (message is null)
        {
            return _stopped ? false : EndedEarly();
        }

        if (message.MessageType is "exception" or "error")
        {
            var type = message.ExceptionType ?? message.Headers.GetValueOrDefault(":error-code");
            var text = message.Headers.GetValueOrDefault(":error-message");
            if (text is null && message.Payload.Length > 0)
            {
                text = JsonSerializer.Deserialize(message.Payload.Span, BedrockJsonContext.Default.ConverseStreamEvent)?.Message;
            }

            return new Error(ErrorKind.Upstream, type ?? "upstream_stream_error", $"{Provider} reported {type ?? "an error"} in the stream: {text ?? "no message"}.", null, StatusOf(type));
        }

        var data = JsonSerializer.Deserialize(message.Payload.Span, BedrockJsonContext.Default.ConverseStreamEvent);
        switch (message.EventType)
        {
            case "messageStart":
                EmitRole();
                break;
            case "contentBlockStart":
                if (data?.Start?.ToolUse is { } use)
                {
                    _toolIndexByBlock[data.ContentBlockIndex ?? 0] = EmitToolCallStart(use.ToolUseId ?? string.Empty, use.Name ?? string.Empty);
                }

                break;
            case "contentBlockDelta":
                if (data?.Delta?.Text is { } text)
                {
                    EmitText(text);
                }
                else if (data?.Delta?.ToolUse?.Input is { } fragment && _toolIndexByBlock.TryGetValue(data.ContentBlockIndex ?? 0, out var index))
                {
                    EmitToolArguments(index, fragment);
                }

                break;
            case "messageStop":
                _stopped = true;
                EmitFinish(BedrockAdapter.FinishReason(data?.StopReason) ?? "stop");
                break;
            case "metadata":
                if (data?.Usage is { } usage)
                {
                    EmitUsage(usage.ToUsage());
                }

                return _stopped ? false : EndedEarly();
            default:
                break;
        }

        return true;
    }

    protected override void DisposeReader() => _reader.Dispose();
}
