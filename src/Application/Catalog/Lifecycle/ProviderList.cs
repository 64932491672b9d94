namespace LlmPlatform.Application.Catalog.Lifecycle;

/// <summary>The answer of <c>GET /v1/providers</c>.</summary>
public sealed record ProviderList(IReadOnlyList<ProviderView> Providers);
