namespace LlmPlatform.Application.Billing.Reports;

/// <summary>One bucket and model of usage as the reader returns it, with the bucket's latency histogram.</summary>
public sealed record UsageRow
{
    /// <summary>The start of the day or hour, UTC.</summary>
    public DateTime Bucket { get; init; }

    public string Model { get; init; } = string.Empty;

    public long Requests { get; init; }

    public long PromptTokens { get; init; }

    public long CompletionTokens { get; init; }

    public long TotalTokens { get; init; }

    public decimal Spend { get; init; }

    /// <summary>Counts per bucket of <see cref="Domain.Billing.LatencyHistogram"/>.</summary>
    public IReadOnlyList<long> Latency { get; init; } = [];
}
