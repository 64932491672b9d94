using System.Text.Json;
using LlmPlatform.Application.Access.Authentication;
using LlmPlatform.Application.Common.Messaging;

namespace LlmPlatform.Application.Jobs.Saas;

/// <summary><c>POST /api/jobs/create</c>: a new, pending job for the key's team.</summary>
public sealed record CreateSaasJobCommand(
    string? TeamId,
    string? UserId,
    string? JobType,
    Dictionary<string, JsonElement>? Metadata,
    CallerIdentity Caller) : ICommand<SaasJob>;
