namespace LlmPlatform.Application.Billing.Reports;

/// <summary>The spend of one group and model on one day, as the reader returns it for <c>/global/spend/report</c>.</summary>
public sealed record GlobalSpendRow
{
    public DateOnly Day { get; init; }

    /// <summary>The team, end user, key hash, model group or tag; empty for rows without one.</summary>
    public string Group { get; init; } = string.Empty;

    /// <summary>The team's or key's alias, when there is one.</summary>
    public string? Alias { get; init; }

    public string Model { get; init; } = string.Empty;

    public decimal Spend { get; init; }

    public long TotalTokens { get; init; }

    public long Requests { get; init; }
}
