namespace LlmPlatform.Application.Jobs.Saas;

/// <summary>A job call's answer as the SaaS dialect gives it: the text, why it stopped, and what it used.</summary>
public sealed record SaasJobCallResult(Guid CallId, SaasCallResponse Response, SaasCallMetadata Metadata);
