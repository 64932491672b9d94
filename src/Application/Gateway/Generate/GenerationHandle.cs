namespace LlmPlatform.Application.Gateway.Generate;

/// <summary>
/// One tracked generation: its id, the token that cancels its upstream call (on a cancel request or when the client
/// leaves), and how it ended. The first end wins: a cancelled call that then fails stays cancelled.
/// </summary>
public sealed class GenerationHandle : IDisposable
{
    private readonly CancellationTokenSource _cancellation;
    private readonly Func<GenerationHandle, string, string?, bool> _end;

    internal GenerationHandle(string requestId, CancellationTokenSource cancellation, Func<GenerationHandle, string, string?, bool> end)
    {
        RequestId = requestId;
        _cancellation = cancellation;
        _end = end;
    }

    public string RequestId { get; }

    /// <summary>Ends once its start is recorded for other nodes; its end is recorded only after that, never before.</summary>
    internal TaskCompletionSource Recorded { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public CancellationToken Token => _cancellation.Token;

    public bool IsCancelled => _cancellation.IsCancellationRequested;

    public void Complete() => _end(this, GenerationStates.Completed, null);

    public void Fail(string error) => _end(this, IsCancelled ? GenerationStates.Cancelled : GenerationStates.Failed, error);

    internal void Cancel() => _cancellation.Cancel();

    public void Dispose() => _cancellation.Dispose();
}
