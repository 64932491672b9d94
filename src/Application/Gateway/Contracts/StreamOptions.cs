namespace LlmPlatform.Application.Gateway.Contracts;

public sealed record StreamOptions
{
    public bool? IncludeUsage { get; set; }
}
