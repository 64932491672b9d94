using LlmPlatform.Domain.Common;

namespace LlmPlatform.Application.Jobs.FineTuning;

/// <summary>The expected failures of the fine-tuning API.</summary>
internal static class FineTuningErrors
{
    public static Error NotFound(string id) => Error.NotFound("not_found", $"No such fine-tuning job: {id}");

    public static Error FileNotFound(string id, string param) =>
        new(ErrorKind.NotFound, "not_found", $"No such File object: {id}", param);

    public static Error WrongPurpose(string id, string purpose, string param) => Error.Validation(
        $"File {id} has purpose '{purpose}'; '{param}' needs a file uploaded with purpose 'fine-tune'.", param);

    public static Error UnknownModel(string model) => new(
        ErrorKind.Validation,
        "model_not_found",
        $"The model '{model}' does not exist or is not configured on this gateway.",
        "model");

    public static Error ModelNotAllowed(string model) => new(
        ErrorKind.Validation,
        "model_not_allowed",
        $"This key is not allowed to use the model '{model}'.",
        "model");

    public static Error NotFineTunable(string model) => new(
        ErrorKind.Validation,
        "model_not_fine_tunable",
        $"The model '{model}' cannot be fine-tuned here: none of its deployments is served by an OpenAI-compatible provider ({string.Join(", ", FineTuningProviders.Supported)}).",
        "model");

    public static Error AlreadyEnded(string id, string status) =>
        Error.Validation($"The fine-tuning job {id} has already ended ({status}) and cannot be cancelled.");

    public static Error DeploymentGone(string id) => new(
        ErrorKind.Unavailable,
        "deployment_unavailable",
        $"The deployment that runs the fine-tuning job {id} is no longer configured.");
}
