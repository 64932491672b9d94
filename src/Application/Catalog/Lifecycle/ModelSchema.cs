namespace LlmPlatform.Application.Catalog.Lifecycle;

/// <summary>The answer of <c>GET /v1/schema?model=</c>: what <c>/v1/generate</c> takes for that model.</summary>
public sealed record ModelSchema(
    string ModelId,
    string Modality,
    string Provider,
    IReadOnlyDictionary<string, SchemaField> Input,
    IReadOnlyDictionary<string, SchemaField> Parameters);
