namespace LlmPlatform.Api.Controllers.Admin.Docs;

/// <summary>The answer to <c>/customer/delete</c>.</summary>
public sealed record CustomerDeleteResponse
{
    public required IReadOnlyList<string> DeletedCustomers { get; init; }
}
