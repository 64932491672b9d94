using LlmPlatform.Application.Gateway.ChatCompletions;

namespace LlmPlatform.Application.Gateway.Generate;

/// <summary>
/// What the generate use case hands back: a whole answer, or a started chat stream for the dialect to relay. A
/// stream's <see cref="Generation"/> is still running: the dialect ends it, and records the turn in the session with
/// <see cref="Conversations.AppendSessionTurnCommand"/>, when the stream ends.
/// </summary>
public sealed record GenerateOutcome
{
    public GenerateResponse? Response { get; init; }

    public ChatCompletionOutcome? Chat { get; init; }

    public required GenerationHandle Generation { get; init; }

    public required string Model { get; init; }

    public string? SessionId { get; init; }

    public required string Prompt { get; init; }
}
