using Microsoft.AspNetCore.Mvc.Controllers;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace LlmPlatform.Api.Hosting;

/// <summary>
/// Replaces the free-form request and response bodies of actions that read or write JSON untyped with the
/// schemas named by <see cref="RequestBodySchemaAttribute"/> and <see cref="ResponseBodySchemaAttribute"/>,
/// kept as named components (a type with extra fields is named <c>{Type}With{Fields}</c>) so clients get named types.
/// </summary>
internal static class BodySchemas
{
    private const string Json = "application/json";

    public static async Task Describe(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        if (context.Description.ActionDescriptor is not ControllerActionDescriptor action)
        {
            return;
        }

        if (action.MethodInfo.GetCustomAttributes(typeof(RequestBodySchemaAttribute), false).FirstOrDefault() is RequestBodySchemaAttribute request)
        {
            var schema = await SchemaOf(request.Type, request.ExtraFields, context, cancellationToken).ConfigureAwait(false);
            operation.RequestBody = new OpenApiRequestBody
            {
                Required = request.Required,
                Content = new Dictionary<string, OpenApiMediaType>(StringComparer.Ordinal) { [Json] = new OpenApiMediaType { Schema = schema } },
            };
        }

        if (action.MethodInfo.GetCustomAttributes(typeof(ResponseBodySchemaAttribute), false).FirstOrDefault() is ResponseBodySchemaAttribute response)
        {
            var schema = await SchemaOf(response.Type, response.ExtraFields, context, cancellationToken).ConfigureAwait(false);
            if (response.Alternative is { } alternative)
            {
                var other = await SchemaOf(alternative, [], context, cancellationToken).ConfigureAwait(false);
                schema = new OpenApiSchema { OneOf = [schema, other] };
            }

            operation.Responses ??= [];
            operation.Responses["200"] = new OpenApiResponse
            {
                Description = "OK",
                Content = new Dictionary<string, OpenApiMediaType>(StringComparer.Ordinal) { [Json] = new OpenApiMediaType { Schema = schema } },
            };
        }
    }

    private static async Task<IOpenApiSchema> SchemaOf(Type type, IReadOnlyList<string> extraFields, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var schema = await context.GetOrCreateSchemaAsync(type, null, cancellationToken).ConfigureAwait(false);
        var described = extraFields.Count == 0 ? schema : WithFields(schema, extraFields);
        if (context.Document is not { } document || type.IsGenericType || type.IsArray)
        {
            return described;
        }

        var name = type.Name + string.Concat(extraFields.Select((f, i) => (i == 0 ? "With" : string.Empty) + PascalCase(f)));
        if (document.Components?.Schemas?.ContainsKey(name) != true)
        {
            document.AddComponent<IOpenApiSchema>(name, described);
        }

        return new OpenApiSchemaReference(name, document);
    }

    private static string PascalCase(string snakeCase) =>
        string.Concat(snakeCase.Split('_', StringSplitOptions.RemoveEmptyEntries).Select(w => char.ToUpperInvariant(w[0]) + w[1..]));

    private static OpenApiSchema WithFields(OpenApiSchema schema, IReadOnlyList<string> extraFields)
    {
        var properties = new Dictionary<string, IOpenApiSchema>(schema.Properties ?? new Dictionary<string, IOpenApiSchema>(), StringComparer.Ordinal);
        foreach (var field in extraFields)
        {
            properties[field] = new OpenApiSchema { Type = JsonSchemaType.String | JsonSchemaType.Null };
        }

        return new OpenApiSchema
        {
            Type = JsonSchemaType.Object,
            Properties = properties,
            Required = schema.Required,
            AdditionalPropertiesAllowed = schema.AdditionalPropertiesAllowed,
        };
    }
}
