namespace LlmPlatform.Api.Controllers.Admin.Docs;

/// <summary>The answer to <c>/budget/delete</c>.</summary>
public sealed record BudgetDeleteResponse
{
    public bool Deleted { get; init; }

    public required string BudgetId { get; init; }
}
