namespace LlmPlatform.Api.Controllers.Saas;

/// <summary>The body of <c>POST /api/credits/add</c>; <c>credits</c> is another name of <c>amount</c>.</summary>
public sealed record AddCreditsRequest
{
    public string? TeamId { get; init; }

    public long? Amount { get; init; }

    public long? Credits { get; init; }

    public string? Reason { get; init; }
}
