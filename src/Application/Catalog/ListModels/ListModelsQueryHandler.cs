using LlmPlatform.Application.Gateway.Contracts;
using LlmPlatform.Domain.Common;
using MediatR;

namespace LlmPlatform.Application.Catalog.ListModels;

internal sealed class ListModelsQueryHandler : IRequestHandler<ListModelsQuery, Result<ModelList>>
{
    private readonly IModelCatalog _catalog;
    private readonly TimeProvider _time;

    public ListModelsQueryHandler(IModelCatalog catalog, TimeProvider time)
    {
        _catalog = catalog;
        _time = time;
    }

    public Task<Result<ModelList>> Handle(ListModelsQuery request, CancellationToken cancellationToken)
    {
        var created = _time.GetUtcNow().ToUnixTimeSeconds();
        var cards = new List<ModelCard>();
        foreach (var group in _catalog.ModelGroups)
        {
            if (!request.Caller.MayUseModel(group))
            {
                continue;
            }

            _catalog.TryResolve(group, out _, out var deployments);
            cards.Add(new ModelCard
            {
                Id = group,
                Created = created,
                OwnedBy = deployments.Count > 0 ? deployments[0].Provider : "llmplatform",
            });
        }

        return Task.FromResult(Result<ModelList>.Success(new ModelList { Data = cards }));
    }
}
