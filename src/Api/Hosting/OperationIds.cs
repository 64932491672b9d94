using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Mvc.Controllers;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace LlmPlatform.Api.Hosting;

/// <summary>
/// Gives every operation a stable, unique operationId (controller + action) so generated clients get readable
/// method names; when an action is served on several paths, the /v1 (or shortest) path keeps the plain name
/// and the others are suffixed with their path.
/// </summary>
internal static class OperationIds
{
    public static Task NameOperation(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        if (context.Description.ActionDescriptor is ControllerActionDescriptor action)
        {
            var controller = action.ControllerName;
            var verb = action.ActionName;
            operation.OperationId = verb.StartsWith(controller, StringComparison.Ordinal) ? verb : controller + verb;
        }
        else if (context.Description.ActionDescriptor.EndpointMetadata.OfType<Endpoints.OperationName>().FirstOrDefault() is { } name)
        {
            operation.OperationId = name.Value;
        }

        return Task.CompletedTask;
    }

    public static Task Deduplicate(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        var operations = new List<(string Path, OpenApiOperation Operation)>();
        foreach (var (path, item) in document.Paths)
        {
            if (item.Operations is null)
            {
                continue;
            }

            foreach (var (_, operation) in item.Operations)
            {
                operations.Add((path, operation));
            }
        }

        foreach (var group in operations.Where(o => o.Operation.OperationId is not null).GroupBy(o => o.Operation.OperationId!, StringComparer.Ordinal))
        {
            var members = group
                .OrderBy(m => m.Path.StartsWith("/v1/", StringComparison.Ordinal) ? 0 : 1)
                .ThenBy(m => m.Path.Length)
                .ThenBy(m => m.Path, StringComparer.Ordinal)
                .ToList();
            for (var i = 1; i < members.Count; i++)
            {
                members[i].Operation.OperationId = group.Key + "_" + PathSuffix(members[i].Path);
            }
        }

        return Task.CompletedTask;
    }

    private static string PathSuffix(string path)
    {
        var builder = new StringBuilder();
        foreach (var segment in path.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            var clean = segment.Trim('{', '}');
            foreach (var word in clean.Split(['_', '-', '.'], StringSplitOptions.RemoveEmptyEntries))
            {
                builder.Append(char.ToUpper(word[0], CultureInfo.InvariantCulture)).Append(word.AsSpan(1));
            }

            if (segment.StartsWith('{'))
            {
                builder.Append("Param");
            }
        }

        return builder.ToString();
    }
}
