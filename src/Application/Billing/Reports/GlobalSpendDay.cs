namespace LlmPlatform.Application.Billing.Reports;

/// <summary>One day of <c>/global/spend/report</c>: the spend of each group that spent that day.</summary>
public sealed record GlobalSpendDay(DateOnly Day, IReadOnlyList<GlobalSpendGroup> Groups);
