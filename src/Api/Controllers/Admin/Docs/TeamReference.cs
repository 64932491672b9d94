namespace LlmPlatform.Api.Controllers.Admin.Docs;

/// <summary>The body of <c>/team/block</c> and <c>/team/unblock</c>.</summary>
public sealed record TeamReference
{
    public string? TeamId { get; init; }
}
