using System.Text.Json;
using LlmPlatform.Application.Access.Authentication;
using LlmPlatform.Application.Common.Messaging;

namespace LlmPlatform.Application.Jobs.Saas;

/// <summary>
/// <c>POST /api/jobs/{job_id}/complete</c>: ends the job as <c>completed</c> or <c>failed</c>; a completed job with no
/// failed call is charged to its team's credits, once.
/// </summary>
public sealed record CompleteSaasJobCommand(
    string JobId,
    string? Status,
    Dictionary<string, JsonElement>? Metadata,
    string? ErrorMessage,
    CallerIdentity Caller) : ICommand<SaasJobCompletion>;
