using LlmPlatform.Application.Access.Authentication;
using LlmPlatform.Application.Common.Messaging;

namespace LlmPlatform.Application.Billing.Budgets;

/// <summary><c>GET /budget/info?budget_id=</c>.</summary>
public sealed record GetBudgetQuery(string? BudgetId, CallerIdentity Caller) : IQuery<BudgetInfo>;
