using LlmPlatform.Application.Access.Authentication;
using LlmPlatform.Application.Common.Messaging;

namespace LlmPlatform.Application.Jobs.Saas;

/// <summary><c>GET /api/jobs/{job_id}</c>.</summary>
public sealed record GetSaasJobQuery(string JobId, CallerIdentity Caller) : IQuery<SaasJob>;
