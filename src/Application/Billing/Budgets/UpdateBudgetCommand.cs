using LlmPlatform.Application.Access.Authentication;
using LlmPlatform.Application.Common.Messaging;

namespace LlmPlatform.Application.Billing.Budgets;

/// <summary><c>POST /budget/update</c>.</summary>
public sealed record UpdateBudgetCommand(BudgetFields Fields, CallerIdentity Caller) : ICommand<BudgetInfo>;
