using LlmPlatform.Application.Access.Authentication;
using LlmPlatform.Application.Common.Messaging;

namespace LlmPlatform.Application.Gateway.Generate;

/// <summary><c>GET /v1/requests/{id}/status</c>: where one of the caller's generations stands.</summary>
public sealed record GetGenerationStatusQuery(string RequestId, CallerIdentity Caller) : IQuery<GenerationStatus>;
