namespace LlmPlatform.Api.Controllers.Admin.Docs;

/// <summary>The answer to <c>/team/delete</c>.</summary>
public sealed record TeamDeleteResponse
{
    public required IReadOnlyList<string> DeletedTeams { get; init; }
}
