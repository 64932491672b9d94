using LlmPlatform.Application.Jobs.Saas;

namespace LlmPlatform.Api.Controllers.Saas;

/// <summary>The answer of <c>POST /api/jobs/create-and-call</c>: the job, its one call's answer, and its costs.</summary>
public sealed record SaasSingleCallJob(
    Guid JobId,
    string Status,
    SaasCallResponse Response,
    SaasCallMetadata Metadata,
    SaasJobCostSummary Costs,
    DateTimeOffset? CompletedAt);
