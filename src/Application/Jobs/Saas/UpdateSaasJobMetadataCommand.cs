using System.Text.Json;
using LlmPlatform.Application.Access.Authentication;
using LlmPlatform.Application.Common.Messaging;

namespace LlmPlatform.Application.Jobs.Saas;

/// <summary><c>PATCH /api/jobs/{job_id}/metadata</c>: keys merged into the job's metadata.</summary>
public sealed record UpdateSaasJobMetadataCommand(string JobId, Dictionary<string, JsonElement>? Metadata, CallerIdentity Caller)
    : ICommand<SaasJobMetadata>;
