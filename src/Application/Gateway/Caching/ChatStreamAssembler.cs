using System.Text;
using LlmPlatform.Application.Gateway.Contracts;

namespace LlmPlatform.Application.Gateway.Caching;

/// <summary>Puts the chunks of a streamed chat completion back together into the whole answer, to cache it.</summary>
internal sealed class ChatStreamAssembler
{
    private readonly SortedDictionary<int, ChoiceParts> _choices = [];
    private string? _id;
    private string? _model;
    private long _created;
    private string? _fingerprint;

    public void Add(ChatCompletionChunk chunk)
    {
        _id ??= chunk.Id;
        _model ??= chunk.Model;
        _fingerprint ??= chunk.SystemFingerprint;
        if (_created == 0)
        {
            _created = chunk.Created;
        }

        foreach (var choice in chunk.Choices)
        {
            if (!_choices.TryGetValue(choice.Index, out var parts))
            {
                parts = new ChoiceParts();
                _choices[choice.Index] = parts;
            }

            parts.Add(choice);
        }
    }

    public ChatCompletionResponse Build(Usage usage) => new()
    {
        Id = _id ?? string.Empty,
        Created = _created,
        Model = _model ?? string.Empty,
        SystemFingerprint = _fingerprint,
        Choices = _choices.Select(c => c.Value.Build(c.Key)).ToList(),
        Usage = usage,
    };

    private sealed class ChoiceParts
    {
        private readonly StringBuilder _content = new();
        private readonly SortedDictionary<int, ToolCallParts> _toolCalls = [];
        private StringBuilder? _refusal;
        private string? _role;
        private string? _finishReason;
        private bool _hasContent;

        public void Add(ChunkChoice choice)
        {
            var delta = choice.Delta;
            _role ??= delta.Role;
            _finishReason = choice.FinishReason ?? _finishReason;
            if (delta.Content is { } content)
            {
                _hasContent = true;
                _content.Append(content);
            }

            if (delta.Refusal is { } refusal)
            {
                (_refusal ??= new StringBuilder()).Append(refusal);
            }

            if (delta.ToolCalls is { } calls)
            {
                for (var i = 0; i < calls.Count; i++)
                {
                    var call = calls[i];
                    var index = call.Index ?? i;
                    if (!_toolCalls.TryGetValue(index, out var parts))
                    {
                        parts = new ToolCallParts();
                        _toolCalls[index] = parts;
                    }

                    parts.Add(call);
                }
            }
        }

        public ChatChoice Build(int index) => new()
        {
            Index = index,
            FinishReason = _finishReason,
            Message = new ChatResponseMessage
            {
                Role = _role ?? "assistant",
                Content = _hasContent ? _content.ToString() : null,
                Refusal = _refusal?.ToString(),
                ToolCalls = _toolCalls.Count == 0 ? null : _toolCalls.Values.Select(t => t.Build()).ToList(),
            },
        };
    }

    private sealed class ToolCallParts
    {
        private readonly StringBuilder _arguments = new();
        private string? _id;
        private string? _type;
        private string? _name;

        public void Add(ToolCall call)
        {
            _id ??= call.Id;
            _type ??= call.Type;
            _name ??= call.Function?.Name;
            _arguments.Append(call.Function?.Arguments);
        }

        public ToolCall Build() => new()
        {
            Id = _id,
            Type = _type ?? "function",
            Function = new FunctionCallPayload { Name = _name, Arguments = _arguments.ToString() },
        };
    }
}
