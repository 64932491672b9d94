namespace LlmPlatform.Application.Access.Enforcement;

/// <summary>What admission took for one request, to be corrected when its usage arrives.</summary>
public sealed record Reservation(IReadOnlyList<LimitCheck> Checks, long ReservedNanos, IReadOnlyList<SoftBudgetWatch> SoftBudgets);
