using LlmPlatform.Application.Access.Authentication;
using LlmPlatform.Application.Common.Messaging;

namespace LlmPlatform.Application.Billing.Credits;

/// <summary><c>GET /api/credits/transactions</c>: a team's credit transactions, newest first.</summary>
public sealed record ListCreditTransactionsQuery(string? TeamId, int Limit, int Offset, CallerIdentity Caller) : IQuery<CreditTransactionList>;
