namespace LlmPlatform.Api.Errors;

/// <summary>The inside of OpenAI's error envelope.</summary>
public sealed record ErrorBody
{
    public required string Message { get; init; }

    public required string Type { get; init; }

    public string? Param { get; init; }

    public string? Code { get; init; }
}
