using System.Text.Json;
using System.Text.Json.Nodes;
using LlmPlatform.Api.Errors;
using LlmPlatform.Domain.Common;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace LlmPlatform.Api.Controllers.Admin;

/// <summary>
/// What the LiteLLM-style admin controllers share: reading a JSON object body into a command's fields (a wrong
/// type is a 400 naming the field), and shaping answers as LiteLLM does.
/// </summary>
[Tags("Admin")]
[ProducesResponseType<Errors.ErrorEnvelope>(StatusCodes.Status403Forbidden)]
[ProducesResponseType<Errors.ErrorEnvelope>(StatusCodes.Status404NotFound)]
public abstract class AdminController : DialectController
{
    protected AdminController(IMediator mediator)
        : base(mediator)
    {
    }

    private JsonSerializerOptions Json => HttpContext.RequestServices.GetRequiredService<IOptions<JsonOptions>>().Value.JsonSerializerOptions;

    /// <summary>Reads the body as <typeparamref name="T"/>; on failure <paramref name="failure"/> is the 400 to return.</summary>
    protected bool TryRead<T>(JsonElement body, out T value, out IActionResult? failure)
        where T : class
    {
        value = null!;
        failure = null;
        if (body.ValueKind != JsonValueKind.Object)
        {
            failure = Failure(Error.Validation("The request body must be a JSON object."));
            return false;
        }

        try
        {
            value = body.Deserialize<T>(Json)!;
            return true;
        }
        catch (JsonException ex) when (!UndecodableText.In(ex))
        {
            // (A string the JSON cannot decode is not a wrong type: the error middleware answers it as invalid text.)
            var param = ParamOf(ex.Path);
            failure = Failure(Error.Validation(
                param is null ? "The request body does not have the expected shape." : $"'{param}' has the wrong type.",
                param));
            return false;
        }
    }

    /// <summary>A string field of the body, or null when absent; a non-string value is a 400.</summary>
    protected bool TryString(JsonElement body, string name, out string? value, out IActionResult? failure)
    {
        value = null;
        failure = null;
        if (body.ValueKind != JsonValueKind.Object)
        {
            failure = Failure(Error.Validation("The request body must be a JSON object."));
            return false;
        }

        if (!body.TryGetProperty(name, out var property) || property.ValueKind == JsonValueKind.Null)
        {
            return true;
        }

        if (property.ValueKind != JsonValueKind.String)
        {
            failure = Failure(Error.Validation($"'{name}' must be a string.", name));
            return false;
        }

        value = property.GetString();
        return true;
    }

    /// <summary>A list-of-strings field of the body, or null when absent; anything else is a 400.</summary>
    protected bool TryStrings(JsonElement body, string name, out IReadOnlyList<string>? value, out IActionResult? failure)
    {
        value = null;
        failure = null;
        if (body.ValueKind != JsonValueKind.Object)
        {
            failure = Failure(Error.Validation("The request body must be a JSON object."));
            return false;
        }

        if (!body.TryGetProperty(name, out var property) || property.ValueKind == JsonValueKind.Null)
        {
            return true;
        }

        if (property.ValueKind != JsonValueKind.Array || property.EnumerateArray().Any(e => e.ValueKind != JsonValueKind.String))
        {
            failure = Failure(Error.Validation($"'{name}' must be a list of strings.", name));
            return false;
        }

        value = property.EnumerateArray().Select(e => e.GetString()!).ToList();
        return true;
    }

    /// <summary>An object serialized with the API's JSON settings, with extra fields added.</summary>
    protected JsonObject Shape(object value, params (string Name, object? Value)[] extra)
    {
        var node = JsonSerializer.SerializeToNode(value, value.GetType(), Json)!.AsObject();
        foreach (var (name, field) in extra)
        {
            node[name] = field is null ? null : JsonSerializer.SerializeToNode(field, field.GetType(), Json);
        }

        return node;
    }

    protected IActionResult Answer<T>(Result<T> result, Func<T, object> shape) =>
        result.IsSuccess ? Ok(shape(result.Value)) : Failure(result.Error!);

    private static string? ParamOf(string? path)
    {
        if (path is null || !path.StartsWith("$.", StringComparison.Ordinal))
        {
            return null;
        }

        var rest = path[2..];
        var end = rest.IndexOfAny(['.', '[']);
        return end < 0 ? rest : rest[..end];
    }
}
