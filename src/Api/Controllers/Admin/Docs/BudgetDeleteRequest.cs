namespace LlmPlatform.Api.Controllers.Admin.Docs;

/// <summary>The body of <c>/budget/delete</c>: <c>id</c> or <c>budget_id</c>.</summary>
public sealed record BudgetDeleteRequest
{
    public string? Id { get; init; }

    public string? BudgetId { get; init; }
}
