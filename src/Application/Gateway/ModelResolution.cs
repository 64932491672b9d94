using LlmPlatform.Application.Access.Authentication;
using LlmPlatform.Application.Catalog;
using LlmPlatform.Domain.Catalog;
using LlmPlatform.Domain.Common;

namespace LlmPlatform.Application.Gateway;

/// <summary>A model group the caller may use, with the deployments that can serve the endpoint.</summary>
internal sealed record ModelResolution(string Group, IReadOnlyList<ModelDeployment> Deployments)
{
    /// <summary>
    /// Resolves aliases, checks the caller's access, and keeps the deployments <paramref name="supports"/> accepts;
    /// a group none of whose deployments supports the endpoint is a bad request, not a server failure.
    /// </summary>
    public static Result<ModelResolution> Resolve(
        IModelCatalog catalog,
        CallerIdentity caller,
        string requested,
        string endpoint,
        Func<ModelDeployment, bool> supports)
    {
        if (!catalog.TryResolve(requested, out var group, out var deployments))
        {
            return new Error(
                ErrorKind.NotFound,
                "model_not_found",
                $"The model '{requested}' does not exist or is not configured on this gateway.",
                "model");
        }

        if (!caller.MayUseModel(group))
        {
            return new Error(ErrorKind.Forbidden, "model_not_allowed", $"This key is not allowed to use the model '{group}'.", "model");
        }

        var capable = deployments.Where(supports).ToList();
        if (capable.Count == 0)
        {
            return new Error(
                ErrorKind.Validation,
                "unsupported_endpoint",
                $"The model '{group}' does not support {endpoint}.",
                "model");
        }

        return new ModelResolution(group, capable);
    }
}
