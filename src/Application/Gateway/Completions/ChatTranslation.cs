using System.Text.Json;
using LlmPlatform.Application.Gateway.Contracts;
using LlmPlatform.Domain.Common;

namespace LlmPlatform.Application.Gateway.Completions;

/// <summary>Serves a legacy completion with a chat-only provider: the prompt becomes one user message, the answer its text.</summary>
internal static class ChatTranslation
{
    public static Result<ChatCompletionRequest> ToChat(TextCompletionRequest request)
    {
        if (request.Prompt is not { } prompt || !TextInputs.IsText(prompt) || TextInputs.Texts(prompt).Count != 1)
        {
            return new Error(
                ErrorKind.Validation,
                "invalid_request_error",
                "This model answers through chat, so 'prompt' must be a single string.",
                "prompt");
        }

        var text = TextInputs.Texts(prompt)[0];
        return new ChatCompletionRequest
        {
            Model = request.Model,
            Messages = [new ChatMessage { Role = "user", Content = JsonSerializer.SerializeToElement(text, GatewayJsonContext.Default.String) }],
            MaxTokens = request.MaxTokens,
            Temperature = request.Temperature,
            TopP = request.TopP,
            N = request.N,
            Stop = request.Stop,
            PresencePenalty = request.PresencePenalty,
            FrequencyPenalty = request.FrequencyPenalty,
            Seed = request.Seed,
            LogitBias = request.LogitBias,
            User = request.User,
        };
    }

    /// <summary>The prompt to put before the answer when the request asked for <c>echo</c>.</summary>
    public static string EchoOf(TextCompletionRequest request) =>
        request.Echo == true && request.Prompt is { } prompt ? TextInputs.Texts(prompt)[0] : string.Empty;

    public static TextCompletionResponse FromChat(ChatCompletionResponse response, string echo) => new()
    {
        Id = "cmpl-" + response.Id,
        Created = response.Created,
        Model = response.Model,
        Choices = response.Choices
            .Select(c => new TextChoice { Text = echo + (c.Message.Content ?? string.Empty), Index = c.Index, FinishReason = c.FinishReason })
            .ToList(),
        Usage = response.Usage,
        SystemFingerprint = response.SystemFingerprint,
    };

    public static TextCompletionResponse FromChunk(ChatCompletionChunk chunk) => new()
    {
        Id = "cmpl-" + chunk.Id,
        Created = chunk.Created,
        Model = chunk.Model,
        Choices = chunk.Choices
            .Select(c => new TextChoice { Text = c.Delta.Content ?? string.Empty, Index = c.Index, FinishReason = c.FinishReason })
            .ToList(),
        Usage = chunk.Usage,
        SystemFingerprint = chunk.SystemFingerprint,
    };
}
