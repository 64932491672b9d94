using LlmPlatform.Domain.Common;

namespace LlmPlatform.Application.Jobs.Files;

/// <summary>The expected failures of the files API.</summary>
internal static class FileErrors
{
    public static Error NotFound(string id) => Error.NotFound("not_found", $"No such File object: {id}");

    public static Error TooLarge(string purpose, long limit) => new(
        ErrorKind.PayloadTooLarge,
        "file_too_large",
        $"The file is larger than the {limit} bytes allowed for purpose '{purpose}'.",
        "file");

    public static Error Invalid(string message, string param) => Error.Validation(message, param);
}
