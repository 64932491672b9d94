namespace LlmPlatform.Application.Gateway.Contracts;

public sealed record Usage
{
    public long PromptTokens { get; set; }

    public long CompletionTokens { get; set; }

    public long TotalTokens { get; set; }

    public static Usage Of(long prompt, long completion) => new()
    {
        PromptTokens = prompt,
        CompletionTokens = completion,
        TotalTokens = prompt + completion,
    };
}
