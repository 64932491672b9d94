using LlmPlatform.Application.Access.Authentication;
using LlmPlatform.Application.Common.Messaging;

namespace LlmPlatform.Application.Jobs.Saas;

/// <summary><c>GET /api/jobs/{job_id}/costs</c>: what each of the job's calls cost.</summary>
public sealed record GetSaasJobCostsQuery(string JobId, CallerIdentity Caller) : IQuery<SaasJobCosts>;
