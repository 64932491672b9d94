using System.Text;
using System.Text.Json;
using LlmPlatform.Domain.Common;
using LlmPlatform.Infrastructure.Providers.Common;

namespace LlmPlatform.Infrastructure.Providers.Ollama;

/// <summary>Translates Ollama's newline-delimited JSON stream; the line with <c>done: true</c> is the last.</summary>
internal sealed class OllamaChatStream : TranslatedChatStream
{
    private readonly StreamReader _reader;
    private bool _started;

    public OllamaChatStream(HttpResponseMessage response, Stream body, string provider, string model, TimeProvider time)
        : base(response, provider, model, time)
    {
        _reader = new StreamReader(body, Encoding.UTF8, detectEncodingFromByteOrderMarks: false, bufferSize: 4096, leaveOpen: false);
    }

    protected override async ValueTask<Result<bool>> PumpAsync(CancellationToken cancellationToken)
    {
        var line = await _reader.ReadLineAsync(cancellationToken).ConfigureAwait(false);
        if (line is null)
        {
            return EndedEarly();
        }

        if (string.IsNullOrWhiteSpace(line))
        {
            return true;
        }

        var piece = JsonSerializer.Deserialize(line, OllamaJsonContext.Default.OllamaResponse);
        if (piece is null)
        {
            return true;
        }

        if (piece.Error is { } error)
        {
            return new Error(ErrorKind.Upstream, "upstream_stream_error", $"{Provider} reported an error in the stream: {error}", null, 502);
        }

        if (!_started)
        {
            _started = true;
            EmitRole();
        }

        EmitText(piece.Message?.Content ?? string.Empty);
        if (piece.Message?.ToolCalls is { Count: > 0 } calls)
        {
            foreach (var call in OllamaAdapter.ToolCalls(calls, ToolCallCount, withIndex: true))
            {
                EmitToolCallStart(call.Id!, call.Function!.Name!, call.Function.Arguments!);
            }
        }

        if (!piece.Done)
        {
            return true;
        }

        EmitFinish(OllamaAdapter.FinishReason(piece.DoneReason, ToolCallCount > 0));
        EmitUsage(piece.ToUsage());
        return false;
    }

    protected override void DisposeReader() => _reader.Dispose();
}
