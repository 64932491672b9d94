using LlmPlatform.Application.Access.Authentication;
using LlmPlatform.Application.Common.Messaging;

namespace LlmPlatform.Application.Billing.Credits;

/// <summary><c>GET /api/credits/balance</c>: a team's credits; without a team, the key's own.</summary>
public sealed record GetCreditBalanceQuery(string? TeamId, CallerIdentity Caller) : IQuery<CreditAccount>;
