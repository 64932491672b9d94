namespace LlmPlatform.Application.Gateway.Generate;

/// <summary>The answer of a whole (not streamed) <c>/v1/generate</c>.</summary>
public sealed record GenerateResponse(string RequestId, string Model, string Modality, string? SessionId, GenerateOutput Output, GenerateUsage Usage);
