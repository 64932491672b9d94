using LlmPlatform.Application.Gateway.Contracts;

namespace LlmPlatform.Application.Gateway.Completions;

/// <summary>A whole legacy completion, or a started stream to relay.</summary>
public sealed record CompletionOutcome(TextCompletionResponse? Response, GatewayTextStream? Stream, string DeploymentId);
