using LlmPlatform.Application.Access.Authentication;
using LlmPlatform.Application.Common.Messaging;

namespace LlmPlatform.Application.Billing.Budgets;

/// <summary><c>GET /budget/list</c>.</summary>
public sealed record ListBudgetsQuery(CallerIdentity Caller) : IQuery<IReadOnlyList<BudgetInfo>>;
