using LlmPlatform.Domain.Access;

namespace LlmPlatform.Application.Access.Authentication;

/// <summary>One entry of a key's <c>model_max_budget</c>: a budget for one model group, with its own window.</summary>
public sealed record ModelBudget(decimal MaxBudget, BudgetDuration? BudgetDuration);
