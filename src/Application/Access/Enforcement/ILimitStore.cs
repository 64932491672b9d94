namespace LlmPlatform.Application.Access.Enforcement;

/// <summary>
/// The counters behind rate limits and budgets: in Redis (atomic scripts, shared by every node) or in memory.
/// All checks of one request are decided and applied atomically, so a refused request consumes nothing.
/// </summary>
public interface ILimitStore
{
    ValueTask<LimitDecision> TryAdmitAsync(IReadOnlyList<LimitCheck> checks, CancellationToken cancellationToken);

    /// <summary>Applies the corrections and returns each counter's new value.</summary>
    ValueTask<IReadOnlyList<long>> SettleAsync(IReadOnlyList<LimitAdjustment> adjustments, CancellationToken cancellationToken);

    /// <summary>Forgets counters, so they start again from their seed (after an admin resets a spend).</summary>
    ValueTask ResetAsync(IReadOnlyList<string> keys, CancellationToken cancellationToken);
}
