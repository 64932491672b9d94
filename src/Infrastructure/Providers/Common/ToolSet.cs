using System.Text.Json;
using LlmPlatform.Application.Gateway.Contracts;
using LlmPlatform.Domain.Common;

namespace LlmPlatform.Infrastructure.Providers.Common;

/// <summary>The functions a request offers (<c>tools</c> or the legacy <c>functions</c>) and the choice among them.</summary>
internal static class ToolSet
{
    public static Result<IReadOnlyList<FunctionDefinition>> Functions(ChatCompletionRequest request)
    {
        var functions = new List<FunctionDefinition>();
        foreach (var tool in request.Tools ?? [])
        {
            if (tool.Type is not (null or "function") || tool.Function is null || string.IsNullOrEmpty(tool.Function.Name))
            {
                return Error.Validation("Each tool must be {\"type\":\"function\",\"function\":{\"name\":...}}.", "tools");
            }

            functions.Add(tool.Function);
        }

        foreach (var function in request.Functions ?? [])
        {
            if (string.IsNullOrEmpty(function.Name))
            {
                return Error.Validation("Each function needs a name.", "functions");
            }

            functions.Add(function);
        }

        return functions;
    }

    /// <summary>The choice, or null when the request leaves it to the provider.</summary>
    public static Result<ToolChoice?> Choice(ChatCompletionRequest request)
    {
        var (value, param) = request.ToolChoice is { } t ? (t, "tool_choice") : request.FunctionCall is { } f ? (f, "function_call") : (default, null);
        if (param is null)
        {
            return Result<ToolChoice?>.Success(null);
        }

        if (value.ValueKind == JsonValueKind.String)
        {
            var mode = value.GetString();
            return mode is "auto" or "none" or "required"
                ? new ToolChoice(mode, null)
                : Error.Validation($"{param} must be auto, none, required or a named function (got '{mode}').", param);
        }

        if (value.ValueKind == JsonValueKind.Object)
        {
            var holder = value.TryGetProperty("function", out var function) && function.ValueKind == JsonValueKind.Object ? function : value;
            if (holder.TryGetProperty("name", out var name) && name.ValueKind == JsonValueKind.String && !string.IsNullOrEmpty(name.GetString()))
            {
                return new ToolChoice("function", name.GetString());
            }
        }

        return Error.Validation($"{param} must be auto, none, required or a named function.", param);
    }

    /// <summary>A function's JSON schema, or an empty object schema when it has none.</summary>
    public static JsonElement Schema(FunctionDefinition function) =>
        function.Parameters is { ValueKind: JsonValueKind.Object } schema ? schema : EmptySchema;

    private static JsonElement EmptySchema { get; } = JsonDocument.Parse("{\"type\":\"object\",\"properties\":{}}").RootElement.Clone();
}
