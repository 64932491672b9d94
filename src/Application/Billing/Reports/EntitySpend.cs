namespace LlmPlatform.Application.Billing.Reports;

/// <summary>The spend of one key, user, team, tag, model or end user over a report's period.</summary>
public sealed record EntitySpend
{
    /// <summary>The key's hash, the user, team or end user id, the tag or the model group.</summary>
    public required string Id { get; init; }

    /// <summary>The key's or team's alias, or the user's email, when there is one.</summary>
    public string? Alias { get; init; }

    /// <summary>The key's display name (<c>sk-...abcd</c>), for keys.</summary>
    public string? KeyName { get; init; }

    public decimal Spend { get; init; }

    public long Requests { get; init; }

    public long PromptTokens { get; init; }

    public long CompletionTokens { get; init; }

    public long TotalTokens { get; init; }
}
