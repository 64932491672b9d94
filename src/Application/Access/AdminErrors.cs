using LlmPlatform.Domain.Common;

namespace LlmPlatform.Application.Access;

/// <summary>The failures the admin endpoints share.</summary>
internal static class AdminErrors
{
    public static Error NotAllowed(string what) =>
        Error.Forbidden($"Your role does not allow you to {what}.");

    public static Error KeyNotFound() => Error.NotFound("key_not_found", "No key matches the given key or token.");

    public static Error UserNotFound(string userId) => Error.NotFound("user_not_found", $"User '{userId}' does not exist.");

    public static Error TeamNotFound(string teamId) => Error.NotFound("team_not_found", $"Team '{teamId}' does not exist.");

    public static Error OrganizationNotFound(string organizationId) =>
        Error.NotFound("organization_not_found", $"Organization '{organizationId}' does not exist.");

    public static Error BudgetNotFound(string budgetId) => Error.NotFound("budget_not_found", $"Budget '{budgetId}' does not exist.");
}
