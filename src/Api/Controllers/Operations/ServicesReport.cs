using LlmPlatform.Application.Operations.Health;

namespace LlmPlatform.Api.Controllers.Operations;

/// <summary>The answer of <c>/health/services</c>.</summary>
public sealed record ServicesReport
{
    public required string Status { get; init; }

    public required IReadOnlyList<ServiceHealth> Services { get; init; }
}
