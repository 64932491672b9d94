namespace LlmPlatform.Api.Controllers.Admin.Docs;

/// <summary>The body of <c>/team/delete</c>.</summary>
public sealed record TeamDeleteRequest
{
    public IReadOnlyList<string>? TeamIds { get; init; }
}
