using LlmPlatform.Application.Gateway.Contracts;
using LlmPlatform.Domain.Catalog;
using LlmPlatform.Domain.Common;

namespace LlmPlatform.Application.Gateway.Rerank;

/// <summary>Routes a rerank call and attaches the documents when the caller asked for them.</summary>
internal sealed class RerankCommandHandler
    : RoutedCallHandler<RerankCommand, IRerankAdapter, RerankResponse>
{
    public RerankCommandHandler(RoutedCallServices services, IEnumerable<IRerankAdapter> adapters)
        : base(services, adapters)
    {
    }

    protected override string CallType => "rerank";

    protected override string EndpointName => "rerank";

    protected override async ValueTask<Result<RerankResponse>> CallAsync(
        IRerankAdapter adapter,
        ModelDeployment deployment,
        RerankCommand command,
        TimeSpan timeout,
        CancellationToken cancellationToken)
    {
        var documents = RerankDocuments.Texts(command.Request.Documents)!;
        var answer = await adapter.RerankAsync(deployment, command.Request, documents, timeout, cancellationToken).ConfigureAwait(false);
        if (!answer.IsSuccess)
        {
            return answer;
        }

        var returnDocuments = command.Request.ReturnDocuments == true;
        var results = answer.Value.Results
            .Where(r => r.Index >= 0 && r.Index < documents.Count)
            .OrderByDescending(r => r.RelevanceScore)
            .Take(command.Request.TopN ?? int.MaxValue)
            .Select(r => r with { Document = returnDocuments ? new RerankDocument { Text = documents[r.Index] } : null })
            .ToList();
        return answer.Value with { Results = results };
    }
}
