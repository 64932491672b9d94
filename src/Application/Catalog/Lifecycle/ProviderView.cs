namespace LlmPlatform.Application.Catalog.Lifecycle;

/// <summary>One provider configured on this gateway, with the model groups it serves.</summary>
public sealed record ProviderView(string Name, bool Configured, IReadOnlyList<string> SupportedModalities, IReadOnlyList<string> Models);
