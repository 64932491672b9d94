using System.Text.Json;

namespace LlmPlatform.Api.Controllers.GatewayUser;

/// <summary>Sampling parameters of <c>/v1/generate</c>.</summary>
public sealed record GenerateParameters(double? Temperature, int? MaxTokens, double? TopP, JsonElement? Stop, string? Format);
