using LlmPlatform.Application.Access.Authentication;
using LlmPlatform.Application.Common.Messaging;
using LlmPlatform.Application.Gateway.Contracts;

namespace LlmPlatform.Application.Gateway.Rerank;

/// <summary>Orders documents by relevance to a query for one caller.</summary>
public sealed record RerankCommand(RerankRequest Request, CallerIdentity Caller, string RequestId)
    : ICommand<RerankResponse>, IRoutedCommand
{
    public CallReceipt Receipt { get; } = new();

    public string? RequestedModel => Request.Model;

    public string? EndUser => null;

    public int? MaxOutputTokens => 0;

    public int EstimatePromptTokens(ITokenCounter counter) =>
        counter.CountText(Request.Query) + (RerankDocuments.Texts(Request.Documents)?.Sum(counter.CountText) ?? 0);
}
