namespace LlmPlatform.Application.Catalog.Lifecycle;

/// <summary>One field a model takes, with its JSON type and bounds.</summary>
public sealed record SchemaField(string Type, bool Required, string Description, double? Minimum = null, double? Maximum = null);
