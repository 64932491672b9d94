namespace LlmPlatform.Bench.Runner;

/// <summary>One thing under load: direct, the bare proxy, LlmPlatform or the peer gateway.</summary>
internal sealed record Target
{
    public required string Name { get; init; }

    /// <summary>The endpoint against the no-delay upstream.</summary>
    public required Endpoint Fast { get; init; }

    /// <summary>The endpoint against the 20 ms upstream.</summary>
    public required Endpoint Slow { get; init; }

    /// <summary>The process whose resident memory is reported (none for direct).</summary>
    public ManagedProcess? Process { get; init; }

    public Endpoint For(bool slow) => slow ? Slow : Fast;
}
