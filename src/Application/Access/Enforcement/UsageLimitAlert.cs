namespace LlmPlatform.Application.Access.Enforcement;

/// <summary>A request was refused because a rate limit or budget was full.</summary>
/// <param name="CounterKey">The refusing counter, which names its scope and window (the alert is raised once per counter).</param>
/// <param name="Scope">What the limit is on: <c>key</c>, <c>user</c>, <c>team</c>, <c>organization</c>, <c>end_user</c> or a model on the key.</param>
/// <param name="Kind">Which limit.</param>
/// <param name="Limit">The limit (requests, tokens, parallel requests, or nano-USD for budgets).</param>
/// <param name="Current">The counter's value when the request was refused.</param>
/// <param name="ResetAt">When the window ends, for windowed limits.</param>
/// <param name="Owner">The owner scope the alert concerns (its webhooks and the admins' receive it).</param>
public sealed record UsageLimitAlert(
    string CounterKey,
    string Scope,
    LimitKind Kind,
    long Limit,
    long Current,
    DateTimeOffset? ResetAt,
    string? Owner,
    DateTimeOffset At)
{
    public string? KeyAlias { get; init; }

    public string? UserId { get; init; }

    public string? TeamId { get; init; }

    public string? OrganizationId { get; init; }

    public string? Model { get; init; }
}
