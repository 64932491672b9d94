namespace LlmPlatform.Application.Gateway.Contracts;

public sealed record ChatTool
{
    public string? Type { get; init; }

    public FunctionDefinition? Function { get; init; }
}
