using System.Text;

namespace LlmPlatform.Api.Errors;

/// <summary>
/// A JSON string System.Text.Json cannot decode: bytes that are not UTF-8, or an escape of half a surrogate pair
/// (<c>"\ud800"</c>). The reader only finds out when the string is read, so the exception can come from a handler
/// reading a JSON document as well as from the serializer.
/// </summary>
internal static class UndecodableText
{
    public const string Message = "A string in the request body is not valid text: it holds bytes that are not UTF-8, or escapes half of a UTF-16 surrogate pair (such as \\ud800).";

    /// <summary>Whether the exception, or one it wraps (the serializer's JsonException, model binding's own), is that refusal.</summary>
    public static bool In(Exception? exception) => exception switch
    {
        null => false,
        InvalidOperationException { TargetSite.DeclaringType.Namespace: "System.Text.Json" } refused
            when refused.InnerException is DecoderFallbackException || refused.TargetSite!.Name.EndsWith("UTF16", StringComparison.Ordinal) => true,
        _ => In(exception.InnerException),
    };
}
