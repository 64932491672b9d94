namespace LlmPlatform.Application.Jobs.Files;

/// <summary>One part of a multipart form: its field name, its file name when it is a file, and its content.</summary>
public sealed record UploadPart(string Name, string? FileName, Stream Content);
