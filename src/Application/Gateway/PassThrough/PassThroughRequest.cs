namespace LlmPlatform.Application.Gateway.PassThrough;

/// <summary>The raw request to forward: the path below the provider's base URL, never a host.</summary>
/// <param name="Method">The HTTP method.</param>
/// <param name="Path">The path below <c>/v1/{provider}/</c>, as the client sent it.</param>
/// <param name="QueryString">The query string with its leading <c>?</c>, or empty.</param>
/// <param name="Body">The request body, streamed as it arrives; null when there is none.</param>
/// <param name="ContentType">The body's content type.</param>
/// <param name="Headers">The client headers allowed through (such as <c>accept</c> and <c>anthropic-version</c>); never credentials.</param>
public sealed record PassThroughRequest(
    string Method,
    string Path,
    string QueryString,
    Stream? Body,
    string? ContentType,
    IReadOnlyList<KeyValuePair<string, string>> Headers);
