using LlmPlatform.Application.Gateway.Contracts;
using LlmPlatform.Domain.Common;

namespace LlmPlatform.Infrastructure.Providers.Common;

/// <summary>What a translating adapter reads from an OpenAI request, already validated.</summary>
/// <param name="Conversation">The system prompts and the merged turns (at least one).</param>
/// <param name="Functions">The functions offered, from <c>tools</c> or <c>functions</c>.</param>
/// <param name="Choice">The tool choice, or null to leave it to the provider.</param>
internal sealed record ChatInput(Conversation Conversation, IReadOnlyList<FunctionDefinition> Functions, ToolChoice? Choice)
{
    public static Result<ChatInput> Read(ChatCompletionRequest request)
    {
        var conversation = ConversationReader.Read(request.Messages);
        if (!conversation.IsSuccess)
        {
            return conversation.Error!;
        }

        if (conversation.Value.Turns.Count == 0)
        {
            return Error.Validation("messages must hold at least one user or assistant message.", "messages");
        }

        var functions = ToolSet.Functions(request);
        if (!functions.IsSuccess)
        {
            return functions.Error!;
        }

        var choice = ToolSet.Choice(request);
        if (!choice.IsSuccess)
        {
            return choice.Error!;
        }

        return new ChatInput(conversation.Value, functions.Value, choice.Value);
    }

    /// <summary>Each turn translated by <paramref name="message"/> from its role and its items translated by <paramref name="item"/>.</summary>
    public List<TMessage> Turns<TMessage, TItem>(Func<bool, List<TItem>, TMessage> message, Func<TurnItem, TItem> item) =>
        Conversation.Turns.Select(turn => message(turn.IsAssistant, turn.Items.Select(item).ToList())).ToList();
}
