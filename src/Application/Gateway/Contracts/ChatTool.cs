namespace LlmPlatform.Application.Gateway.Contracts;

public sealed record ChatTool
{
    public string? Type { get; set; }

    public FunctionDefinition? Function { get; set; }
}
