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
        var cards = new List<ModelCard>();
        foreach (var group in _catalog.ModelGroups)
        {
            if (!request.Caller.MayUseModel(group))
            {
                continue;
            }

            _catalog.TryResolve(group, out _, out var deployments);
            cards.Add(ModelCards.Of(group, deployments, _time));
        }

        return Task.FromResult(Result<ModelList>.Success(new ModelList { Data = cards }));
    }
}
