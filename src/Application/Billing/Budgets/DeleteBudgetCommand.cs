using LlmPlatform.Application.Access.Authentication;
using LlmPlatform.Application.Common.Messaging;

namespace LlmPlatform.Application.Billing.Budgets;

/// <summary><c>POST /budget/delete</c> with <c>{"id": ...}</c>; whatever used the budget keeps its own limits.</summary>
public sealed record DeleteBudgetCommand(string? BudgetId, CallerIdentity Caller) : ICommand<string>;
