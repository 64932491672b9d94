namespace LlmPlatform.Application.Catalog.Lifecycle;

/// <summary>Whether a model group takes calls on this gateway, and since when.</summary>
public sealed record ModelRuntime(bool Loaded, DateTimeOffset Since);
