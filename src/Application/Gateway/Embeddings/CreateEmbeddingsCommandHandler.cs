using LlmPlatform.Application.Gateway.Contracts;
using LlmPlatform.Domain.Catalog;
using LlmPlatform.Domain.Common;

namespace LlmPlatform.Application.Gateway.Embeddings;

/// <summary>Routes an embeddings call; usage comes from the upstream or is counted.</summary>
internal sealed class CreateEmbeddingsCommandHandler
    : RoutedCallHandler<CreateEmbeddingsCommand, IEmbeddingsAdapter, EmbeddingsResponse>
{
    public CreateEmbeddingsCommandHandler(RoutedCallServices services, IEnumerable<IEmbeddingsAdapter> adapters)
        : base(services, adapters)
    {
    }

    protected override string CallType => "embedding";

    protected override string EndpointName => "embeddings";

    protected override ValueTask<Result<EmbeddingsResponse>> CallAsync(
        IEmbeddingsAdapter adapter,
        ModelDeployment deployment,
        CreateEmbeddingsCommand command,
        TimeSpan timeout,
        CancellationToken cancellationToken) =>
        adapter.EmbedAsync(deployment, command.Request, timeout, cancellationToken);

    protected override (long Prompt, long Completion) UsageOf(CreateEmbeddingsCommand command, EmbeddingsResponse response) =>
        (response.Usage?.PromptTokens ?? command.EstimatePromptTokens(Tokens), 0);
}
