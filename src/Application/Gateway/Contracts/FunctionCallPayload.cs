namespace LlmPlatform.Application.Gateway.Contracts;

/// <summary>A function's name and its arguments as a JSON string (OpenAI sends arguments as text).</summary>
public sealed record FunctionCallPayload
{
    public string? Name { get; set; }

    public string? Arguments { get; set; }
}
