using LlmPlatform.Domain.Common;

namespace LlmPlatform.Application.Catalog;

/// <summary>The expected failures of model management.</summary>
public static class CatalogErrors
{
    public static Error IdRequired { get; } = Error.Validation("The model's id is required (model_info.id, or id).", "id");

    public static Error NotFound(string id) => Error.NotFound("model_not_found", $"No model has the id '{id}'.");

    public static Error ReadOnly(string id) => Error.Validation(
        $"The model '{id}' is defined in the configuration file and cannot be changed through the API; edit the file instead.",
        "id");
}
