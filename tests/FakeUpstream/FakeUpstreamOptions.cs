namespace LlmPlatform.FakeUpstream;

public sealed record FakeUpstreamOptions
{
    /// <summary>How many words an answer has; a streamed answer sends one chunk per word.</summary>
    public int AnswerWords { get; init; } = 12;

    /// <summary>When above zero, each generated word is padded to this many characters (the benchmark sizes its answers so).</summary>
    public int WordLength { get; init; }

    /// <summary>A fixed delay for every answer (the benchmark's 20 ms mode).</summary>
    public TimeSpan FixedLatency { get; init; }

    /// <summary>Whether requests are recorded for inspection.</summary>
    public bool Record { get; init; } = true;

    /// <summary>How long each stage of a fake fine-tuning job lasts (validating_files, queued, running).</summary>
    public TimeSpan FineTuningStageDuration { get; init; } = TimeSpan.FromMilliseconds(400);
    /// <summary>How long a batch created on the fake's batch API stays in progress before it completes.</summary>
    public TimeSpan BatchCompletesAfter { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>The text of an answer given with no scripted text: what a client assembles from any of the fake's answers.</summary>
    public string DefaultAnswer() => string.Concat(FakeHttp.Words(new Behavior(), this));
}
