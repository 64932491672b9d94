using LlmPlatform.Application.Access.Authentication;
using LlmPlatform.Application.Common.Messaging;
using LlmPlatform.Application.Gateway.Contracts;

namespace LlmPlatform.Application.Gateway.Embeddings;

/// <summary>Embeds one or more inputs for one caller.</summary>
public sealed record CreateEmbeddingsCommand(EmbeddingsRequest Request, CallerIdentity Caller, string RequestId)
    : ICommand<EmbeddingsResponse>, IRoutedCommand
{
    public CallReceipt Receipt { get; } = new();

    public string? RequestedModel => Request.Model;

    public string? EndUser => Request.User;

    public int? MaxOutputTokens => 0;

    public int EstimatePromptTokens(ITokenCounter counter) => TextInputs.CountTokens(Request.Input, counter);
}
