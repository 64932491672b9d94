namespace LlmPlatform.Api.Controllers.Operations;

public sealed record LivenessReport
{
    public required string Status { get; init; }
}
