namespace LlmPlatform.Application.Access.Enforcement;

/// <summary>
/// One counter to check and bump atomically with the others of a request: refused when its value has reached
/// <see cref="Limit"/>; otherwise (when every check passes) it grows by <see cref="Amount"/>. A missing counter
/// starts at <see cref="Seed"/> and lives <see cref="Ttl"/>.
/// </summary>
public sealed record LimitCheck(string Key, LimitKind Kind, long Limit, long Amount, long Seed, TimeSpan Ttl)
{
    /// <summary>What the check is about, for the error message (<c>key</c>, <c>team</c>, <c>model gpt-4 on key</c>, ...).</summary>
    public required string Scope { get; init; }

    /// <summary>When the counter's window ends (rate limits and windowed budgets).</summary>
    public DateTimeOffset? ResetAt { get; init; }
}
