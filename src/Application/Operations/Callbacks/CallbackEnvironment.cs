namespace LlmPlatform.Application.Operations.Callbacks;

/// <summary>What the host turned on that acts as a callback: OpenTelemetry export when an OTLP endpoint is configured.</summary>
public sealed record CallbackEnvironment(bool OtlpExport);
