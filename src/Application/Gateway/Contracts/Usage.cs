namespace LlmPlatform.Application.Gateway.Contracts;

public sealed record Usage
{
    public long PromptTokens { get; init; }

    public long CompletionTokens { get; init; }

    public long TotalTokens { get; init; }

    public static Usage Of(long prompt, long completion) => new()
    {
        PromptTokens = prompt,
        CompletionTokens = completion,
        TotalTokens = prompt + completion,
    };
}
