using LlmPlatform.Application.Gateway.Contracts;

namespace LlmPlatform.Application.Gateway.Completions;

/// <summary>A whole legacy completion, or a started stream to relay.</summary>
/// <param name="Cost">Known for a whole answer; a stream's cost is known only at its end.</param>
public sealed record CompletionOutcome(TextCompletionResponse? Response, GatewayTextStream? Stream, string DeploymentId, int Attempts, decimal? Cost);
