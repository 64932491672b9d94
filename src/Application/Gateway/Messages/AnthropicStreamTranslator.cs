using System.Text;
using LlmPlatform.Application.Gateway.Contracts;
using LlmPlatform.Application.Gateway.Messages.Contracts;

namespace LlmPlatform.Application.Gateway.Messages;

/// <summary>
/// Turns chat chunks into Anthropic stream events, one answer at a time: <c>message_start</c> first, each text run
/// or tool call as its own content block (start, deltas, stop), then <c>message_delta</c> with the stop reason and
/// usage and <c>message_stop</c>. Not thread-safe; one per stream.
/// </summary>
public sealed class AnthropicStreamTranslator
{
    private readonly string _model;
    private readonly long _estimatedInputTokens;
    private readonly Dictionary<int, int> _toolBlocks = [];
    private readonly StringBuilder _output = new();
    private bool _started;
    private int _blockCount;
    private int? _openBlock;
    private bool _openIsText;
    private bool _calledTools;
    private string? _finishReason;
    private Usage? _usage;

    public AnthropicStreamTranslator(string model, long estimatedInputTokens)
    {
        _model = model;
        _estimatedInputTokens = estimatedInputTokens;
    }

    /// <summary>The text and tool arguments streamed so far, for counting output tokens when the upstream reports none.</summary>
    public string OutputText => _output.ToString();

    /// <summary>The events one chat chunk gives.</summary>
    public IReadOnlyList<AnthropicStreamEvent> Translate(ChatCompletionChunk chunk)
    {
        var events = new List<AnthropicStreamEvent>();
        if (!_started)
        {
            _started = true;
            events.Add(new AnthropicStreamEvent
            {
                Type = "message_start",
                Message = new AnthropicMessageResponse
                {
                    Id = AnthropicResponseTranslator.MessageId(chunk.Id),
                    Model = _model,
                    Content = [],
                    Usage = new AnthropicUsage { InputTokens = _estimatedInputTokens, OutputTokens = 0 },
                },
            });
        }

        _usage = chunk.Usage ?? _usage;
        var choice = chunk.Choices.Count > 0 ? chunk.Choices[0] : null;
        if (choice is null)
        {
            return events;
        }

        if (choice.Delta.Content is { Length: > 0 } text)
        {
            if (_openBlock is null || !_openIsText)
            {
                Open(events, new AnthropicContentBlock { Type = "text", Text = string.Empty }, isText: true);
            }

            _output.Append(text);
            events.Add(new AnthropicStreamEvent { Type = "content_block_delta", Index = _openBlock, Delta = new AnthropicDelta { Type = "text_delta", Text = text } });
        }

        foreach (var call in choice.Delta.ToolCalls ?? [])
        {
            var callIndex = call.Index ?? 0;
            if (!_toolBlocks.TryGetValue(callIndex, out var block))
            {
                _calledTools = true;
                Open(
                    events,
                    new AnthropicContentBlock
                    {
                        Type = "tool_use",
                        Id = call.Id ?? "toolu_" + Guid.NewGuid().ToString("N"),
                        Name = call.Function?.Name ?? string.Empty,
                        Input = AnthropicResponseTranslator.ParseInput(null),
                    },
                    isText: false);
                block = _openBlock!.Value;
                _toolBlocks[callIndex] = block;
            }

            if (call.Function?.Arguments is { Length: > 0 } arguments)
            {
                _output.Append(arguments);
                events.Add(new AnthropicStreamEvent { Type = "content_block_delta", Index = block, Delta = new AnthropicDelta { Type = "input_json_delta", PartialJson = arguments } });
            }
        }

        _finishReason = choice.FinishReason ?? _finishReason;
        return events;
    }

    /// <summary>The closing events once the chat stream has ended; <paramref name="outputTokens"/> when the upstream sent no usage.</summary>
    public IReadOnlyList<AnthropicStreamEvent> Finish(long outputTokens)
    {
        var events = new List<AnthropicStreamEvent>();
        if (!_started)
        {
            events.AddRange(Translate(new ChatCompletionChunk { Id = Guid.NewGuid().ToString("N"), Model = _model, Choices = [] }));
        }

        Close(events);
        events.Add(new AnthropicStreamEvent
        {
            Type = "message_delta",
            Delta = new AnthropicDelta { StopReason = AnthropicResponseTranslator.StopReason(_finishReason, _calledTools) },
            Usage = new AnthropicUsage { InputTokens = _usage?.PromptTokens ?? _estimatedInputTokens, OutputTokens = _usage?.CompletionTokens ?? outputTokens },
        });
        events.Add(new AnthropicStreamEvent { Type = "message_stop" });
        return events;
    }

    private void Open(List<AnthropicStreamEvent> events, AnthropicContentBlock block, bool isText)
    {
        Close(events);
        _openBlock = _blockCount++;
        _openIsText = isText;
        events.Add(new AnthropicStreamEvent { Type = "content_block_start", Index = _openBlock, ContentBlock = block });
    }

    private void Close(List<AnthropicStreamEvent> events)
    {
        if (_openBlock is { } open)
        {
            events.Add(new AnthropicStreamEvent { Type = "content_block_stop", Index = open });
            _openBlock = null;
        }
    }
}
