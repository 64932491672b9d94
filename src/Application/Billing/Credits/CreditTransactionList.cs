namespace LlmPlatform.Application.Billing.Credits;

/// <summary>A page of a team's credit transactions, newest first; <see cref="Total"/> counts the page.</summary>
public sealed record CreditTransactionList(string TeamId, int Total, IReadOnlyList<CreditTransaction> Transactions);
