namespace LlmPlatform.Application.Jobs.Files;

/// <summary>A file's content as a stream to copy to the response (the caller disposes it).</summary>
public sealed record FileContent(Stream Content, string Filename, long Bytes);
