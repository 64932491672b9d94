using System.Text.Json;

namespace LlmPlatform.Api.Tests.Foundation;

/// <summary>The operations of an OpenAPI document, with its schema references resolved.</summary>
internal sealed class OpenApiOperations(JsonDocument document)
{
    private static readonly string[] Methods = ["get", "post", "put", "patch", "delete"];

    public JsonElement Paths => document.RootElement.GetProperty("paths");

    private JsonElement Schemas => document.RootElement.GetProperty("components").GetProperty("schemas");

    /// <summary>Each operation as method, path template and its description.</summary>
    public IEnumerable<(string Method, string Path, JsonElement Operation)> All()
    {
        foreach (var path in Paths.EnumerateObject())
        {
            foreach (var method in path.Value.EnumerateObject().Where(m => Methods.Contains(m.Name)))
            {
                yield return (method.Name.ToUpperInvariant(), path.Name, method.Value);
            }
        }
    }

    /// <summary>The schema a <c>$ref</c> chain ends at.</summary>
    public JsonElement Resolve(JsonElement schema)
    {
        while (schema.TryGetProperty("$ref", out var reference))
        {
            schema = Schemas.GetProperty(reference.GetString()!.Split('/')[^1]);
        }

        return schema;
    }

    /// <summary>The JSON schema of a request body or an answer, when it has one.</summary>
    public static JsonElement? JsonSchemaOf(JsonElement bodyOrResponse) =>
        bodyOrResponse.TryGetProperty("content", out var content)
        && content.TryGetProperty("application/json", out var json)
        && json.TryGetProperty("schema", out var schema)
            ? schema
            : null;
}
