using LlmPlatform.Application.Access.Authentication;
using LlmPlatform.Application.Common.Messaging;

namespace LlmPlatform.Application.Billing.Budgets;

/// <summary><c>POST /budget/new</c>.</summary>
public sealed record CreateBudgetCommand(BudgetFields Fields, CallerIdentity Caller) : ICommand<BudgetInfo>;
