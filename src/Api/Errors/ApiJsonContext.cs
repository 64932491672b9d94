using System.Text.Json.Serialization;
using LlmPlatform.Application.Operations.Health;

namespace LlmPlatform.Api.Errors;

/// <summary>Source-generated serialization of the API's own envelopes and reports.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(ErrorEnvelope))]
[JsonSerializable(typeof(AnthropicErrorEnvelope))]
[JsonSerializable(typeof(SaasErrorEnvelope))]
[JsonSerializable(typeof(SaasValidationEnvelope))]
[JsonSerializable(typeof(ConnectorErrorEnvelope))]
[JsonSerializable(typeof(ReadinessReport))]
[JsonSerializable(typeof(ServiceHealth))]
internal sealed partial class ApiJsonContext : JsonSerializerContext
{
}
