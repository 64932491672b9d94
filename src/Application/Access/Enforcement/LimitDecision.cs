namespace LlmPlatform.Application.Access.Enforcement;

/// <summary>The outcome of checking a request's counters: admitted, or refused by the first check that was full.</summary>
/// <param name="Admitted">Whether every check passed (and the counters were bumped).</param>
/// <param name="Values">Each counter's value after admission, or as it was when refused.</param>
/// <param name="RefusedAt">The index of the check that refused, or -1.</param>
public sealed record LimitDecision(bool Admitted, IReadOnlyList<long> Values, int RefusedAt);
