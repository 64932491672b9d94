using System.Text.Json;
using LlmPlatform.Application.Gateway;
using LlmPlatform.Application.Gateway.Contracts;
using LlmPlatform.Domain.Common;

namespace LlmPlatform.Infrastructure.Providers.Common;

/// <summary>
/// A provider stream translated to OpenAI chunks. A subclass reads one upstream unit per <see cref="PumpAsync"/>
/// and queues the chunks it yields; a read or parse failure, or an end before the provider's last event,
/// comes back as an error value.
/// </summary>
internal abstract class TranslatedChatStream : IChatCompletionStream
{
    private readonly HttpResponseMessage _response;
    private readonly Queue<ChatCompletionChunk> _pending = new();
    private readonly string _model;
    private readonly long _created;
    private int _toolCalls;
    private bool _done;

    protected TranslatedChatStream(HttpResponseMessage response, string provider, string model, TimeProvider time)
    {
        _response = response;
        Provider = provider;
        _model = model;
        _created = time.GetUtcNow().ToUnixTimeSeconds();
        Id = "chatcmpl-" + Guid.NewGuid().ToString("N");
    }

    protected string Provider { get; }

    protected string Id { get; set; }

    /// <summary>The number of tool calls started so far; the next one gets this index.</summary>
    protected int ToolCallCount => _toolCalls;

    public async ValueTask<Result<ChatCompletionChunk?>> ReadAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            if (_pending.TryDequeue(out var chunk))
            {
                return chunk;
            }

            if (_done)
            {
                return Result<ChatCompletionChunk?>.Success(null);
            }

            try
            {
                var step = await PumpAsync(cancellationToken).ConfigureAwait(false);
                if (!step.IsSuccess)
                {
                    _done = true;
                    _pending.Clear();
                    return step.Error!;
                }

                if (!step.Value)
                {
                    _done = true;
                }
            }
            catch (JsonException ex)
            {
                _done = true;
                return UpstreamErrors.BadAnswer(Provider, ex.Message);
            }
            catch (Exception ex) when (ex is IOException or HttpRequestException && !cancellationToken.IsCancellationRequested)
            {
                _done = true;
                return UpstreamErrors.ConnectionFailed(Provider, ex);
            }
        }
    }

    /// <summary>Reads the next upstream unit: true to go on, false after the provider's last event, or an error.</summary>
    protected abstract ValueTask<Result<bool>> PumpAsync(CancellationToken cancellationToken);

    protected virtual void DisposeReader()
    {
    }

    public ValueTask DisposeAsync()
    {
        DisposeReader();
        _response.Dispose();
        return ValueTask.CompletedTask;
    }

    protected void EmitRole() => Emit(new ChatResponseMessage { Role = "assistant", Content = string.Empty }, null);

    protected void EmitText(string text)
    {
        if (text.Length > 0)
        {
            Emit(new ChatResponseMessage { Content = text }, null);
        }
    }

    /// <summary>Starts a tool call and returns its index; its arguments may follow with <see cref="EmitToolArguments"/>.</summary>
    protected int EmitToolCallStart(string id, string name, string arguments = "")
    {
        var index = _toolCalls++;
        Emit(
            new ChatResponseMessage
            {
                ToolCalls = [new ToolCall { Index = index, Id = id, Type = "function", Function = new FunctionCallPayload { Name = name, Arguments = arguments } }],
            },
            null);
        return index;
    }

    protected void EmitToolArguments(int index, string fragment)
    {
        if (fragment.Length > 0)
        {
            Emit(new ChatResponseMessage { ToolCalls = [new ToolCall { Index = index, Function = new FunctionCallPayload { Arguments = fragment } }] }, null);
        }
    }

    protected void EmitFinish(string finishReason) => Emit(new ChatResponseMessage(), finishReason);

    protected void EmitUsage(Usage usage) =>
        _pending.Enqueue(new ChatCompletionChunk { Id = Id, Created = _created, Model = _model, Choices = [], Usage = usage });

    protected Error EndedEarly() => UpstreamErrors.BadAnswer(Provider, "the stream ended before its last event");

    private void Emit(ChatResponseMessage delta, string? finishReason) =>
        _pending.Enqueue(new ChatCompletionChunk
        {
            Id = Id,
            Created = _created,
            Model = _model,
            Choices = [new ChunkChoice { Index = 0, Delta = delta, FinishReason = finishReason }],
        });
}
