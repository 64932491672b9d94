namespace LlmPlatform.Application.Gateway.Generate;

/// <summary>The answer of <c>POST /v1/requests/{id}/cancel</c>: whether this call cancelled it, and its state now.</summary>
public sealed record CancelledGeneration(string RequestId, bool Cancelled, string Status);
