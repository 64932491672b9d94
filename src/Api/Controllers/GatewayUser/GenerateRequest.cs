namespace LlmPlatform.Api.Controllers.GatewayUser;

/// <summary>The body of <c>POST /v1/generate</c>.</summary>
public sealed record GenerateRequest(
    string? Model,
    string? Modality,
    GenerateInput? Input,
    GenerateParameters? Parameters,
    string? SessionId,
    bool? Stream);
