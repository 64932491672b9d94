using LlmPlatform.Application.Gateway.Contracts;

namespace LlmPlatform.Application.Gateway;

/// <summary>Counts tokens when the upstream does not report usage.</summary>
public interface ITokenCounter
{
    int CountText(string? text);

    int CountPrompt(IReadOnlyList<ChatMessage> messages);
}
